import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/prisma";
import { postgresAdapter } from "@/lib/db/postgres-adapter";
import { createCase, createProvider, type Provider } from "../support/builders";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * On PostgreSQL the app's statements are prepared once per connection and then executed by name,
 * so the database plans a statement once, not on every request (docs/decisions/0038-prepared-statements.md).
 * One connection, so the statements it prepared are the ones pg_prepared_statements lists.
 */
describe.skipIf(!process.env.DATABASE_URL)("prepared statements on PostgreSQL", () => {
  let db: TestDatabase;
  let provider: Provider;
  let oneConnection: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    oneConnection = new PrismaClient({ adapter: postgresAdapter(db.url!, 1) });
  });
  afterAll(async () => {
    await oneConnection?.$disconnect();
    await db?.close();
  });

  const readCase = (id: string) =>
    oneConnection.case.findUnique({ where: { id }, select: { reference: true, site: { select: { name: true } }, claimant: { select: { surname: true } } } });

  it("prepares a read once and executes it by name for every case it reads", async () => {
    const first = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
    const second = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "accepted" });

    const [a, b, again] = [await readCase(first.id), await readCase(second.id), await readCase(first.id)];

    expect(a?.reference).toBe(first.reference);
    expect(b?.reference).toBe(second.reference);
    expect(again).toEqual(a);
    const prepared = await oneConnection.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;
    const reads = prepared.filter((row) => row.statement.includes('FROM "public"."Case"'));
    expect(reads).toHaveLength(1);
    expect(reads[0].name).toMatch(/^ses_\d+$/);
  });

  it("prepares nothing with the switch off (DATABASE_PREPARED_STATEMENTS=off, for an old PgBouncer)", async () => {
    const unprepared = new PrismaClient({ adapter: postgresAdapter(db.url!, 1, { prepare: false }) });
    try {
      const theCase = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
      expect((await unprepared.case.findUnique({ where: { id: theCase.id }, select: { reference: true } }))?.reference).toBe(theCase.reference);
      expect(await unprepared.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements`).toEqual([]);
    } finally {
      await unprepared.$disconnect();
    }
  });

  it("answers with the data as it is now, not as it was when the statement was prepared", async () => {
    const theCase = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
    await readCase(theCase.id);
    await db.prisma.claimant.update({ where: { id: theCase.claimantId }, data: { surname: "Renamed" } });

    expect((await readCase(theCase.id))?.claimant.surname).toBe("Renamed");
  });
});
