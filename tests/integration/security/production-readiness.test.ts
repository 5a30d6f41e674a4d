import { postgresAdapter } from "@/lib/db/postgres-adapter";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionAppRole } from "@/lib/db/app-role";
import { PrismaClient } from "@/lib/db/prisma";
import { pgClientExecutor } from "@/lib/db/sql-executor";
import { PUBLISHED_DEMO_PASSWORD } from "@/lib/domain/demo-password";
import { passwordProblem } from "@/lib/domain/password-policy";
import { hashPassword } from "@/lib/server/auth/password";
import { DEMO_PASSWORD_CHECK_LIMIT, demoPasswordCandidates, productionProblems } from "@/lib/server/startup/production-readiness";
import { createOrganisation, createUserRow } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * What the server checks at start-up in production mode (instrumentation.ts; docs/security.md
 * AU-05, LG-04, SO-03): each problem on its own fixture, so each check can fail alone.
 */
const DEMO = { password: "Published-demo-password-2026", emailDomain: "demo.example" };
const SECRET = "s".repeat(48);

describe("production start-up checks (AU-05)", () => {
  let db: TestDatabase;
  let organisationId: string;
  const problems = (authSecret: string | undefined) => productionProblems(db.prisma, { authSecret, databaseKind: "pglite", demo: DEMO });

  beforeAll(async () => {
    db = await createTestDatabase();
    organisationId = (await createOrganisation(db.prisma)).id;
    await createUserRow(db.prisma, { organisationId, email: "real.person@provider.example" });
  });
  afterAll(() => db.close());

  it("passes a database with real accounts only and a long secret (AU-05)", async () => {
    expect(await problems(SECRET)).toEqual([]);
  });

  it("refuses a missing or short AUTH_SECRET (AU-05)", async () => {
    expect(await problems(undefined)).toEqual([expect.stringMatching(/AUTH_SECRET is required/)]);
    expect(await problems("short-secret")).toEqual([expect.stringMatching(/at least 32 bytes/)]);
  });

  it("refuses an account flagged as demo, or on the demo e-mail domain (AU-05)", async () => {
    const flagged = await createUserRow(db.prisma, { organisationId, email: "flagged@provider.example" });
    await db.prisma.user.update({ where: { id: flagged.id }, data: { isDemo: true } });
    const onDomain = await createUserRow(db.prisma, { organisationId, email: "someone@DEMO.example" });
    expect(await problems(SECRET)).toEqual([expect.stringMatching(/^2 demo account\(s\) exist/)]);
    await db.prisma.user.deleteMany({ where: { id: { in: [flagged.id, onDomain.id] } } });
    expect(await problems(SECRET)).toEqual([]);
  });

  it("refuses an active account that still uses the published demo password, not an inactive one (AU-05)", async () => {
    const copied = await createUserRow(db.prisma, { organisationId, email: "copied@provider.example", password: DEMO.password });
    expect(await problems(SECRET)).toEqual([expect.stringMatching(/^1 active account\(s\) use the published demo password/)]);
    await db.prisma.user.update({ where: { id: copied.id }, data: { active: false } });
    expect(await problems(SECRET)).toEqual([]);
  });

  it("AU-05: verifies each distinct hash once and at most a bounded number, accounts sharing a copied demo hash first", async () => {
    const longAgo = new Date("2020-01-01T00:00:00.000Z");
    const demoHash = await hashPassword(DEMO.password);
    const copies = [];
    for (let i = 0; i < 3; i++) {
      const row = await createUserRow(db.prisma, { organisationId, email: `copy-${i}@provider.example`, passwordHash: demoHash });
      copies.push(row.id);
    }
    await db.prisma.user.updateMany({ where: { id: { in: copies } }, data: { passwordChangedAt: longAgo } });
    const others = [];
    for (let i = 0; i < DEMO_PASSWORD_CHECK_LIMIT + 10; i++) {
      others.push((await createUserRow(db.prisma, { organisationId, email: `own-${i}@provider.example`, passwordHash: `$argon2id$not-a-real-hash-${i}` })).id);
    }
    try {
      const candidates = await demoPasswordCandidates(db.prisma);
      expect(candidates.length).toBe(DEMO_PASSWORD_CHECK_LIMIT);
      expect(new Set(candidates.map((candidate) => candidate.passwordHash)).size).toBe(candidates.length);
      expect(candidates).toContainEqual({ passwordHash: demoHash, accounts: 3 });
      expect(await problems(SECRET)).toEqual([expect.stringMatching(/^3 active account\(s\) use the published demo password/)]);
    } finally {
      await db.prisma.user.deleteMany({ where: { id: { in: [...copies, ...others] } } });
    }
  });

  it("AU-05: nobody can choose the published demo password, so no account comes to hold it through the app", () => {
    expect(passwordProblem(PUBLISHED_DEMO_PASSWORD)).toBe("Choose a password that is not the published demo password");
    expect(passwordProblem(PUBLISHED_DEMO_PASSWORD.toUpperCase())).toBe("Choose a password that is not the published demo password");
  });

  describe.skipIf(!process.env.DATABASE_URL)("on PostgreSQL (LG-04, SO-03)", () => {
    it("refuses to run as a superuser or the audit table's owner, and accepts the least-privilege app role", async () => {
      const owner = new PrismaClient({ adapter: postgresAdapter(db.url!, 1) });
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await provisionAppRole(pgClientExecutor(client), { name: "ses_app_ready_test", password: "ready-test-password-0123456789" });
      await client.end();
      const appUrl = new URL(db.url!);
      appUrl.username = "ses_app_ready_test";
      appUrl.password = "ready-test-password-0123456789";
      const app = new PrismaClient({ adapter: postgresAdapter(appUrl.toString(), 1) });
      try {
        const asOwner = await productionProblems(owner, { authSecret: SECRET, databaseKind: "postgres", demo: DEMO });
        expect(asOwner).toEqual([expect.stringMatching(/is a superuser|owns the audit table/)]);
        expect(await productionProblems(app, { authSecret: SECRET, databaseKind: "postgres", demo: DEMO })).toEqual([]);
      } finally {
        await owner.$disconnect();
        await app.$disconnect();
      }
    });
  });
});
