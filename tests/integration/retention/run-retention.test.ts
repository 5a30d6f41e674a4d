import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRetention, RETENTION_RUN_ACTION } from "@/lib/server/retention/run-retention";
import { createCase, createClaimant, createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * Retention (docs/security.md DP-02, LG-07), with a fake clock: `today` is passed in. Closed cases
 * go 24 months after closure by default, with the participant when no case of theirs is left;
 * audit rows go through purge_audit_events only, never younger than 6 months.
 */
describe("runRetention (DP-02, LG-07)", () => {
  let db: TestDatabase;
  let provider: Provider;

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  /** Raw SQL as the owner (PostgreSQL) or on the one PGlite role: writing backdated audit rows is a fixture, not a use-case. */
  async function ownerSql(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    if (db.kind === "pglite") return (await db.pglite!.query<Record<string, unknown>>(sql, params)).rows;
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  async function closedCase(closedAt: string, claimantId?: string) {
    const built = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "rejected" });
    if (claimantId) await db.prisma.case.update({ where: { id: built.id }, data: { claimantId } });
    await db.prisma.case.update({ where: { id: built.id }, data: { closedAt: new Date(closedAt) } });
    await db.prisma.caseNote.create({ data: { caseId: built.id, authorId: provider.users.caseworker.id, text: "Closing note." } });
    return db.prisma.case.findUniqueOrThrow({ where: { id: built.id } });
  }

  it("reports per class what would go on a dry run, and removes nothing (DP-02)", async () => {
    const due = await closedCase("2026-01-15T10:00:00Z");
    const recent = await closedCase("2028-06-01T10:00:00Z");
    const open = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
    const casesBefore = await db.prisma.case.count();
    const auditBefore = await db.prisma.auditEvent.count();

    const report = await runRetention(db.prisma, { dryRun: true, today: "2028-12-01" });
    expect(report.dryRun).toBe(true);
    expect(report.cutoffs.closedCasesBefore).toBe("2026-12-01");
    expect(report.counts.closed_cases).toBe(1);
    expect(report.counts.participants).toBe(1);
    expect(await db.prisma.case.count()).toBe(casesBefore);
    expect(await db.prisma.auditEvent.count()).toBe(auditBefore);
    for (const id of [due.id, recent.id, open.id]) expect(await db.prisma.case.findUnique({ where: { id } })).not.toBeNull();
  });

  it("honours the closed-case retention setting (DP-02: configurable)", async () => {
    await db.prisma.setting.upsert({ where: { key: "retention.closedCaseMonths" }, create: { key: "retention.closedCaseMonths", value: 60 }, update: { value: 60 } });
    const report = await runRetention(db.prisma, { dryRun: true, today: "2028-12-01" });
    expect(report.cutoffs.closedCasesBefore).toBe("2023-12-01");
    expect(report.counts.closed_cases).toBe(0);
    await db.prisma.setting.deleteMany({ where: { key: "retention.closedCaseMonths" } });
  });

  it("deletes closed cases past retention with their records, and the participant only when no case is left; audits the run (DP-02)", async () => {
    const shared = await createClaimant(db.prisma);
    const dueAlone = await closedCase("2026-02-01T10:00:00Z");
    const dueShared = await closedCase("2026-02-01T10:00:00Z", shared.id);
    const openShared = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
    await db.prisma.case.update({ where: { id: openShared.id }, data: { claimantId: shared.id } });
    const recent = await closedCase("2028-06-01T10:00:00Z");

    const dry = await runRetention(db.prisma, { dryRun: true, today: "2028-12-01" });
    const report = await runRetention(db.prisma, { dryRun: false, today: "2028-12-01" });
    expect(report.counts.closed_cases).toBe(dry.counts.closed_cases);
    expect(report.counts.closed_cases).toBeGreaterThanOrEqual(2);

    expect(await db.prisma.case.findUnique({ where: { id: dueAlone.id } })).toBeNull();
    expect(await db.prisma.case.findUnique({ where: { id: dueShared.id } })).toBeNull();
    expect(await db.prisma.caseNote.count({ where: { caseId: { in: [dueAlone.id, dueShared.id] } } })).toBe(0);
    expect(await db.prisma.claimant.findUnique({ where: { id: dueAlone.claimantId } })).toBeNull();
    // The participant still has an open case: kept.
    expect(await db.prisma.claimant.findUnique({ where: { id: shared.id } })).not.toBeNull();
    expect(await db.prisma.case.findUnique({ where: { id: openShared.id } })).not.toBeNull();
    expect(await db.prisma.case.findUnique({ where: { id: recent.id } })).not.toBeNull();

    const run = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: RETENTION_RUN_ACTION }, orderBy: { id: "desc" } });
    expect(run.actorId).toBeNull();
    expect(run.after).toMatchObject({ today: "2028-12-01", counts: { closed_cases: report.counts.closed_cases } });
  });

  it("is harmless when repeated: a second run finds nothing due (DP-02)", async () => {
    await runRetention(db.prisma, { dryRun: false, today: "2028-12-01" });
    const again = await runRetention(db.prisma, { dryRun: true, today: "2028-12-01" });
    expect(again.counts.closed_cases).toBe(0);
    expect(again.counts.participants).toBe(0);
  });

  it("purges audit rows older than the audit class, keeps younger ones (the default class is 6 years: a 5-year-old row stays), and writes its own row (LG-07)", async () => {
    const [old] = await ownerSql(`INSERT INTO "AuditEvent" ("at", "actorRoles", "action", "entityType") VALUES (now() - interval '7 years', '{}', 'test.old', 'Test') RETURNING id::text AS id`);
    const [young] = await ownerSql(`INSERT INTO "AuditEvent" ("at", "actorRoles", "action", "entityType") VALUES (now() - interval '5 years', '{}', 'test.young', 'Test') RETURNING id::text AS id`);
    const today = new Date().toISOString().slice(0, 10);
    const dry = await runRetention(db.prisma, { dryRun: true, today });
    expect(dry.counts.audit_events).toBeGreaterThanOrEqual(1);
    const report = await runRetention(db.prisma, { dryRun: false, today });
    expect(report.counts.audit_events).toBe(dry.counts.audit_events);
    expect(await db.prisma.auditEvent.findUnique({ where: { id: BigInt(old.id as string) } })).toBeNull();
    expect(await db.prisma.auditEvent.findUnique({ where: { id: BigInt(young.id as string) } })).not.toBeNull();
  });

  it("never purges audit rows younger than 6 months, whatever the caller asks (LG-07)", async () => {
    await expect(ownerSql(`SELECT "purge_audit_events"(now() - interval '1 month')`)).rejects.toThrow(/at least 6 months/);
    await expect(ownerSql(`SELECT "purge_audit_events"(NULL)`)).rejects.toThrow(/at least 6 months/);
    // A rehearsal far in the future still only reaches rows 6 months older than the real clock.
    const report = await runRetention(db.prisma, { dryRun: true, today: "2040-01-01" });
    expect(report.cutoffs.auditBefore <= new Date(Date.now() - 180 * 86_400_000).toISOString().slice(0, 10)).toBe(true);
  });

  it("keeps the audit table append-only outside the purge: a DELETE of an old row is still refused (LG-04)", async () => {
    const [old] = await ownerSql(`INSERT INTO "AuditEvent" ("at", "actorRoles", "action", "entityType") VALUES (now() - interval '5 years', '{}', 'test.still_old', 'Test') RETURNING id::text AS id`);
    await expect(ownerSql(`DELETE FROM "AuditEvent" WHERE id = $1`, [old.id])).rejects.toThrow(/append-only/);
  });
});
