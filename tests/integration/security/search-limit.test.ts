import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { PrismaClient } from "@/lib/db/prisma";
import { findSessionUser } from "@/lib/server/users/find-session-user";
import { createProvider, createUserRow, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * docs/security.md RL-01: a search over the per-user limit is answered with the 429 page that
 * says when to try again, as an export is. The search action (imported as the app builds it)
 * redirects to /cases/too-many-searches, whose GET answers 429 with Retry-After while the limit
 * holds — read from the shared counter, counting nothing — and the search page once it has passed.
 */
const state: { user: CurrentUser | null; db: PrismaClient | null } = { user: null, db: null };

vi.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: async () => state.user,
  requireUser: async () => state.user,
  getPendingMfaUser: async () => null,
  getSessionUser: async () => state.user,
  upgradeSession: async () => undefined,
}));
vi.mock("@/lib/db/client", () => ({ getPrisma: async () => state.db }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  return {
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    }),
    headers: async () => new Headers({ host: "localhost", "user-agent": "Vitest (search limit)" }),
  };
});

let db: TestDatabase;
let provider: Provider;
beforeAll(async () => {
  db = await createTestDatabase();
  provider = await createProvider(db.prisma);
  state.db = db.prisma;
});
afterAll(async () => {
  await db?.close();
});

async function signedInAsNewCaseworker() {
  const row = await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["caseworker"], siteId: provider.sites.england.id });
  const session = await findSessionUser(db.prisma, row.id, row.sessionVersion);
  state.user = { ...session!, ip: "203.0.113.50", userAgent: "Vitest (search limit)" };
}

/** Where the action's redirect goes (Next throws it, with the URL in its digest). */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2];
    throw error;
  }
  throw new Error("The action answered without a redirect");
}

function searchFor(term: string): FormData {
  const data = new FormData();
  data.append("term", term);
  return data;
}

const tooManySearches = async () => {
  const { GET } = await import("@/app/(signed-in)/cases/too-many-searches/route");
  return GET(new Request("http://localhost/cases/too-many-searches"), { params: Promise.resolve({}) });
};

describe("search over its per-user limit (RL-01)", () => {
  it("RL-01: the search after the limit is sent to a 429 page with Retry-After that says when to try again; reading it counts nothing", async () => {
    await db.prisma.setting.upsert({ where: { key: "rateLimit.searchesPerMinute" }, create: { key: "rateLimit.searchesPerMinute", value: 2 }, update: { value: 2 } });
    try {
      await signedInAsNewCaseworker();
      const { searchCasesAction } = await import("@/app/(signed-in)/cases/search-actions");
      expect(await redirectOf(() => searchCasesAction(undefined, searchFor("Ingham")))).toBe("/cases?view=search");
      expect(await redirectOf(() => searchCasesAction(undefined, searchFor("Ingham")))).toBe("/cases?view=search");
      expect(await redirectOf(() => searchCasesAction(undefined, searchFor("Ingham")))).toBe("/cases/too-many-searches");

      for (let look = 0; look < 3; look++) {
        const refused = await tooManySearches();
        expect(refused.status).toBe(429);
        const wait = Number(refused.headers.get("retry-after"));
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(60);
        expect(refused.headers.get("cache-control")).toBe("no-store");
        const page = await refused.text();
        expect(page).toContain("<title>Too many requests – SES Casework</title>");
        expect(page).toContain("each person can search only a limited number of times in a minute");
        expect(page).toMatch(/Try again after \d{2}:\d{2}:\d{2}/);
        // The term searched for is personal data: never on the page.
        expect(page).not.toContain("Ingham");
      }
    } finally {
      await db.prisma.setting.deleteMany({ where: { key: "rateLimit.searchesPerMinute" } });
    }
  });

  it("RL-01: a user within the limit who opens the page is sent on to the search page (303), and counts nothing", async () => {
    await signedInAsNewCaseworker();
    for (let look = 0; look < 35; look++) {
      const response = await tooManySearches();
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/cases?view=search");
    }
    const { searchCasesAction } = await import("@/app/(signed-in)/cases/search-actions");
    expect(await redirectOf(() => searchCasesAction(undefined, searchFor("Ingham")))).toBe("/cases?view=search");
  });
});
