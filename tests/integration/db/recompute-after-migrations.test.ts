import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDateFromDb } from "@/lib/db/dates";
import { recomputeDueDatesAfterMigrations } from "@/lib/server/cases/recompute-after-migrations";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * A migration that changes what a stored due date means is followed by a recompute of every case
 * (lib/server/cases/recompute-after-migrations.ts): a database from before the exit-notice clock
 * (docs/decisions/0010-steps-that-record-an-event-and-exit-notices.md) gets its exit notices due.
 */
describe("due dates recomputed after a migration that moves them", () => {
  let db: TestDatabase;
  let provider: Provider;
  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  it("fills the exit notice's due date of a case stored before the exit-notice migration, and leaves cases alone after any other", async () => {
    const built = await createCase(db.prisma, provider, { route: "prap_single", state: "left_early", referralDate: "2026-11-02" });
    const stored = await db.prisma.case.findUniqueOrThrow({ where: { id: built.id } });
    expect(stored.exitNoticeDueOn).not.toBeNull();
    // As a database from before the migration holds it.
    await db.prisma.case.update({ where: { id: built.id }, data: { exitNoticeDueOn: null, nextDeadlineOn: null } });

    expect(await recomputeDueDatesAfterMigrations(db.prisma, ["20261203400000_restricted_case_leaks"])).toBe(0);
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: built.id } })).exitNoticeDueOn).toBeNull();

    expect(await recomputeDueDatesAfterMigrations(db.prisma, ["20261203200000_welcome_call_exit_notices"])).toBeGreaterThan(0);
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: built.id } });
    expect(isoDateFromDb(after.exitNoticeDueOn)).toBe(isoDateFromDb(stored.exitNoticeDueOn));
    expect(isoDateFromDb(after.nextDeadlineOn)).toBe(isoDateFromDb(stored.nextDeadlineOn));
  });
});
