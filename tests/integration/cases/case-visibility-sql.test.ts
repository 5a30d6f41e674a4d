import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/prisma";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { caseVisibleToSql, caseWhereVisibleTo } from "@/lib/server/cases/case-visibility";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * THE visibility rule (docs/security.md AC-01, AC-02) has two spellings: a Prisma where for every
 * case query, and SQL for the work queue's hand-written query (docs/decisions/0041-work-queue-in-sql.md).
 * For every role, both find exactly the same cases.
 */
describe("the visibility rule as SQL finds exactly the cases its Prisma where finds", () => {
  let db: TestDatabase;
  let provider: Provider;

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    const other = await createProvider(db.prisma);
    await createCase(db.prisma, provider, { route: "prap_single", state: "referred" });
    await createCase(db.prisma, provider, { route: "prap_single", state: "accepted", restrictionTier: "mappa" });
    await createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer });
    await createCase(db.prisma, provider, { route: "prap_single", state: "completed", site: provider.sites.scotland });
    await createCase(db.prisma, other, { route: "prap_single", state: "referred" });
    await createCase(db.prisma, other, { route: "scr_clerical", assignedTo: other.users.officer });
  }, 120_000);
  afterAll(() => db.close());

  const throughPrisma = async (actor: UseCaseActor) =>
    (await db.prisma.case.findMany({ where: caseWhereVisibleTo(actor), select: { id: true } })).map((row) => row.id).sort();
  const throughSql = async (actor: UseCaseActor) =>
    (await db.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT c."id" FROM "Case" c WHERE ${caseVisibleToSql(actor)}`)).map((row) => row.id).sort();

  it("for every role of the provider, and for a user with no role", async () => {
    const actors: UseCaseActor[] = [...Object.values(provider.actors), { ...provider.actors.caseworker, roles: [] }];
    const seen = new Set<number>();
    for (const actor of actors) {
      const expected = await throughPrisma(actor);
      expect(await throughSql(actor), actor.roles.join(",") || "no role").toEqual(expected);
      seen.add(expected.length);
    }
    // The roles see different sets (SCR for nominated officers only, none without a role): the comparison is not vacuous.
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});
