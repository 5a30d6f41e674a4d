import { randomUUID } from "node:crypto";
import { postgresAdapter } from "@/lib/db/postgres-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { PrismaClient } from "@/lib/db/prisma";
import { authorisedRoute } from "@/lib/server/actions/authorised-route";
import { consumePerUserLimit } from "@/lib/server/rate-limit/per-user-limit";
import { findSessionUser } from "@/lib/server/users/find-session-user";
import { createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * Per-user limits on search and exports (docs/security.md RL-01; review finding L5): counted in
 * PostgreSQL by rate-limiter-flexible (table "RateLimiterFlexible", from a migration), limits
 * from the settings, and a 429 that says when to try again.
 */

let db: TestDatabase;
let provider: Provider;
beforeAll(async () => {
  db = await createTestDatabase();
  provider = await createProvider(db.prisma);
});
afterAll(async () => {
  await db?.close();
});

async function setSetting(key: string, value: number) {
  await db.prisma.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

describe("per-user limits (RL-01)", () => {
  it("allows 30 searches a minute by default and refuses the 31st, saying when to try again (RL-01)", async () => {
    const userId = randomUUID();
    for (let i = 0; i < 30; i++) expect(await consumePerUserLimit(db.prisma, "search", userId)).toEqual({ allowed: true });
    const refused = await consumePerUserLimit(db.prisma, "search", userId);
    expect(refused.allowed).toBe(false);
    if (refused.allowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.retryAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("counts each user separately, and searches apart from exports (RL-01)", async () => {
    const busy = randomUUID();
    for (let i = 0; i < 30; i++) await consumePerUserLimit(db.prisma, "search", busy);
    expect((await consumePerUserLimit(db.prisma, "search", busy)).allowed).toBe(false);
    expect((await consumePerUserLimit(db.prisma, "search", randomUUID())).allowed).toBe(true);
    expect((await consumePerUserLimit(db.prisma, "export", busy)).allowed).toBe(true);
  });

  it("follows the limit an administrator set (rateLimit.exportsPerHour) (RL-01)", async () => {
    await setSetting("rateLimit.exportsPerHour", 2);
    try {
      const userId = randomUUID();
      expect((await consumePerUserLimit(db.prisma, "export", userId)).allowed).toBe(true);
      expect((await consumePerUserLimit(db.prisma, "export", userId)).allowed).toBe(true);
      const third = await consumePerUserLimit(db.prisma, "export", userId);
      expect(third.allowed).toBe(false);
      if (!third.allowed) expect(third.retryAfterSeconds).toBeGreaterThan(60);
    } finally {
      await db.prisma.setting.deleteMany({ where: { key: "rateLimit.exportsPerHour" } });
    }
  });

  it("keeps the counters in the database, shared by every instance (RL-01, SO-01)", async () => {
    const userId = randomUUID();
    for (let i = 0; i < 15; i++) await consumePerUserLimit(db.prisma, "search", userId);
    const row = await db.prisma.rateLimiterFlexible.findUniqueOrThrow({ where: { key: `user:search:${userId}` } });
    expect(row.points).toBe(15);
    if (db.kind !== "postgres" || !db.url) return;
    // A second instance: its own connection pool to the same database.
    const other = new PrismaClient({ adapter: postgresAdapter(db.url, 2) });
    try {
      for (let i = 0; i < 15; i++) expect((await consumePerUserLimit(other, "search", userId)).allowed).toBe(true);
      expect((await consumePerUserLimit(db.prisma, "search", userId)).allowed).toBe(false);
    } finally {
      await other.$disconnect();
    }
  });

  it("answers an export over the limit with 429, Retry-After and a page that says when to try again (RL-01)", async () => {
    await setSetting("rateLimit.exportsPerHour", 1);
    try {
      const manager = provider.users.manager;
      const session = await findSessionUser(db.prisma, manager.id, manager.sessionVersion);
      const user: CurrentUser = { ...session!, ip: "203.0.113.30", userAgent: "Vitest" };
      let handled = 0;
      const route = authorisedRoute<Record<string, never>>(
        { permissions: ["read:dashboard:any", "export:case-list:any"], limit: "export" },
        async () => {
          handled++;
          return new Response("csv");
        },
        { currentUser: async () => user, database: async () => db.prisma },
      );
      const call = () => route(new Request("http://localhost/dashboard/export", { method: "POST" }), { params: Promise.resolve({}) });
      expect((await call()).status).toBe(200);
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      const page = await refused.text();
      expect(page).toContain("<title>Too many requests – SES Casework</title>");
      expect(page).toMatch(/Try again after \d{2}:\d{2}:\d{2}/);
      expect(handled).toBe(1);
    } finally {
      await db.prisma.setting.deleteMany({ where: { key: "rateLimit.exportsPerHour" } });
    }
  });
});
