import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { bulkReassignSchema } from "@/lib/domain/forms/bulk-reassign-form";
import { bulkReassignCases } from "@/lib/server/cases/bulk-reassign-cases";
import { getBulkReassignPage } from "@/lib/server/cases/get-bulk-reassign-page";
import { UseCaseError } from "@/lib/server/use-case-error";
import { createCase, createProvider, type BuiltCase, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * Bulk reassignment from the queue or the manager's unassigned list
 * (docs/decisions/0017-work-queue-urgency-and-bulk-reassignment.md): one transaction, one
 * CaseAssignment and one audit row per case, stale cases reported back, SCR cases only to a
 * nominated officer (13.77, 3.43), a repeat submission harmless.
 */
describe("bulk reassignment", () => {
  let db: TestDatabase;
  let provider: Provider;
  let cases: BuiltCase[];

  beforeEach(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    cases = [];
    for (let index = 0; index < 3; index += 1) cases.push(await createCase(db.prisma, provider, { route: "prap_single", state: "referred" }));
  }, 120_000);
  afterAll(() => db?.close());

  const listed = (found: readonly BuiltCase[]) => found.map((row) => ({ caseId: row.id, version: row.version }));
  const auditRows = (caseIds: string[]) => db.prisma.auditEvent.findMany({ where: { caseId: { in: caseIds }, action: "case.assigned" } });

  it("lets a manager assign unassigned cases to a caseworker: one assignment row and one audit row per case", async () => {
    const result = await bulkReassignCases(db.prisma, provider.actors.manager, { case: listed(cases), caseworkerId: provider.users.caseworker.id });
    expect(result.assigned).toEqual(cases.map((row) => row.reference).sort());
    expect(result.stale).toEqual([]);
    const after = await db.prisma.case.findMany({ where: { id: { in: cases.map((row) => row.id) } }, select: { assignedCaseworkerId: true, version: true } });
    expect(after.every((row) => row.assignedCaseworkerId === provider.users.caseworker.id)).toBe(true);
    expect(await db.prisma.caseAssignment.count({ where: { caseId: { in: cases.map((row) => row.id) } } })).toBe(3);
    const audits = await auditRows(cases.map((row) => row.id));
    expect(audits).toHaveLength(3);
    expect(audits.every((row) => row.actorId === provider.users.manager.id)).toBe(true);
  });

  it("reports a case changed since it was listed as stale and leaves it alone, assigning the others (optimistic concurrency)", async () => {
    await db.prisma.case.update({ where: { id: cases[1].id }, data: { version: { increment: 1 } } });
    const result = await bulkReassignCases(db.prisma, provider.actors.caseworker, { case: listed(cases), caseworkerId: provider.users.officer.id });
    expect(result.stale).toEqual([cases[1].reference]);
    expect(result.assigned.sort()).toEqual([cases[0].reference, cases[2].reference].sort());
    const staleCase = await db.prisma.case.findUniqueOrThrow({ where: { id: cases[1].id } });
    expect(staleCase.assignedCaseworkerId).toBeNull();
    expect(await auditRows([cases[1].id])).toHaveLength(0);
  });

  it("is harmless when submitted twice: the second submission changes nothing and writes no audit row", async () => {
    const input = { case: listed(cases), caseworkerId: provider.users.caseworker.id };
    await bulkReassignCases(db.prisma, provider.actors.manager, input);
    const again = await bulkReassignCases(db.prisma, provider.actors.manager, input);
    expect(again.assigned).toEqual([]);
    expect(again.unchanged).toHaveLength(3);
    expect(await auditRows(cases.map((row) => row.id))).toHaveLength(3);
  });

  it("gives an SCR case only to a nominated officer (13.77, 3.43): a caseworker target refuses the whole step and changes nothing", async () => {
    const scr = await createCase(db.prisma, provider, { route: "scr_clerical" });
    const officer = provider.actors.officer;
    const refused = bulkReassignCases(db.prisma, officer, { case: listed([cases[0], scr]), caseworkerId: provider.users.caseworker.id });
    await expect(refused).rejects.toMatchObject({ code: "INVALID" });
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: cases[0].id } })).assignedCaseworkerId).toBeNull();
    const allowed = await bulkReassignCases(db.prisma, officer, { case: listed([cases[0], scr]), caseworkerId: provider.users.officer.id });
    expect(allowed.assigned).toHaveLength(2);
  });

  it("answers 'not found' for an SCR case a manager or caseworker cannot see, and changes nothing (AC-01, AC-05)", async () => {
    const scr = await createCase(db.prisma, provider, { route: "scr_clerical" });
    for (const actor of [provider.actors.manager, provider.actors.caseworker]) {
      const attempt = bulkReassignCases(db.prisma, actor, { case: listed([cases[0], scr]), caseworkerId: provider.users.officer.id });
      await expect(attempt).rejects.toBeInstanceOf(UseCaseError);
      await expect(attempt).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: cases[0].id } })).assignedCaseworkerId).toBeNull();
    const page = await getBulkReassignPage(db.prisma, provider.actors.manager, listed([cases[0], scr]));
    expect(page.cases.map((row) => row.id)).toEqual([cases[0].id]);
    expect(page.missing).toBe(1);
  });

  it("refuses a caseworker of another organisation as the target", async () => {
    const other = await createProvider(db.prisma);
    const attempt = bulkReassignCases(db.prisma, provider.actors.manager, { case: listed(cases), caseworkerId: other.users.caseworker.id });
    await expect(attempt).rejects.toMatchObject({ code: "INVALID" });
  });

  it("lists only nominated officers as targets when an SCR case is among the cases", async () => {
    const scr = await createCase(db.prisma, provider, { route: "scr_clerical" });
    const page = await getBulkReassignPage(db.prisma, provider.actors.officer, listed([cases[0], scr]));
    expect(page.caseworkers.map((person) => person.id)).toEqual([provider.users.officer.id]);
  });

  it("refuses a post with no case, no caseworker, a malformed case or an extra key (AC-04)", () => {
    expect(bulkReassignSchema.safeParse({ case: [], caseworkerId: provider.users.caseworker.id }).success).toBe(false);
    expect(bulkReassignSchema.safeParse({ case: [`${cases[0].id}.1`] }).success).toBe(false);
    expect(bulkReassignSchema.safeParse({ case: ["not-a-case"], caseworkerId: provider.users.caseworker.id }).success).toBe(false);
    expect(bulkReassignSchema.safeParse({ case: [`${cases[0].id}.1`], caseworkerId: provider.users.caseworker.id, restrictionTier: "none" }).success).toBe(false);
    expect(bulkReassignSchema.safeParse({ case: [`${cases[0].id}.1`], caseworkerId: provider.users.caseworker.id }).success).toBe(true);
  });
});
