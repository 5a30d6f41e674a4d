import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCaseId, userId } from "../../../lib/seed/demo-data";
import { seedDemo } from "../../../lib/seed/seed-demo";
import { addCaseNote, assignCase, recordContactAttempt } from "../../../lib/server/cases/case-work";
import type { UseCaseActor } from "../../../lib/server/assert-can";
import { UseCaseError } from "../../../lib/server/use-case-error";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** Notes, assignment and contact attempts, on the demo data. */
describe("work around a case", () => {
  let db: TestDatabase;
  let caseworker: UseCaseActor;
  let officer: UseCaseActor;
  let manager: UseCaseActor;
  const openCase = demoCaseId("uc-referred");
  const scrCase = demoCaseId("scr-referred");

  async function actor(key: "caseworker" | "officer" | "manager"): Promise<UseCaseActor> {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId(key) } });
    return { id: user.id, roles: user.roles, organisationId: user.organisationId };
  }
  const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (error instanceof UseCaseError ? error.code : String(error)));

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: "2026-11-24" });
    [caseworker, officer, manager] = await Promise.all([actor("caseworker"), actor("officer"), actor("manager")]);
  });
  afterAll(() => db.close());

  it("adds a note with its author and time, and audits that a note was added without copying its words", async () => {
    const text = "Called about travel costs.\nWill bring a payslip.";
    await addCaseNote(db.prisma, caseworker, { caseId: openCase, text });
    const note = await db.prisma.caseNote.findFirstOrThrow({ where: { caseId: openCase, text } });
    expect(note.authorId).toBe(caseworker.id);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "note.added", entityId: note.id } });
    expect(audit).toMatchObject({ actorId: caseworker.id, caseId: openCase });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain("payslip");
  });

  it("assigns a case, keeps the history, and refuses a stale version without overwriting (optimistic concurrency)", async () => {
    const before = await db.prisma.case.findUniqueOrThrow({ where: { id: openCase } });
    const glasgow = userId("caseworkerGlasgow");
    await assignCase(db.prisma, caseworker, { caseId: openCase, version: before.version, caseworkerId: glasgow });
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: openCase } });
    expect(after.assignedCaseworkerId).toBe(glasgow);
    expect(after.version).toBe(before.version + 1);
    expect(await db.prisma.caseAssignment.count({ where: { caseId: openCase, caseworkerId: glasgow } })).toBe(1);

    // Someone else's form, rendered at the old version, is refused and changes nothing.
    expect(await codeOf(assignCase(db.prisma, officer, { caseId: openCase, version: before.version, caseworkerId: caseworker.id }))).toBe("STALE");
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: openCase } })).assignedCaseworkerId).toBe(glasgow);

    // The same submission twice is harmless: no second history row, no new version.
    await assignCase(db.prisma, caseworker, { caseId: openCase, version: after.version, caseworkerId: glasgow });
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: openCase } })).version).toBe(after.version);
    expect(await db.prisma.caseAssignment.count({ where: { caseId: openCase, caseworkerId: glasgow } })).toBe(1);
  });

  it("treats an SCR case as not found for a caseworker, whatever they post (AC-01, AC-05)", async () => {
    const notes = await db.prisma.caseNote.count({ where: { caseId: scrCase } });
    expect(await codeOf(addCaseNote(db.prisma, caseworker, { caseId: scrCase, text: "probe" }))).toBe("NOT_FOUND");
    expect(await codeOf(assignCase(db.prisma, caseworker, { caseId: scrCase, version: 1, caseworkerId: caseworker.id }))).toBe("NOT_FOUND");
    expect(await codeOf(recordContactAttempt(db.prisma, caseworker, { caseId: scrCase, channel: "telephone", outcome: "no_answer", note: null }))).toBe("NOT_FOUND");
    expect(await db.prisma.caseNote.count({ where: { caseId: scrCase } })).toBe(notes);
  });

  it("lets only a nominated officer hold an SCR case (13.77, 3.43)", async () => {
    const scr = await db.prisma.case.findUniqueOrThrow({ where: { id: scrCase } });
    expect(await codeOf(assignCase(db.prisma, officer, { caseId: scrCase, version: scr.version, caseworkerId: caseworker.id }))).toBe("INVALID");
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: scrCase } })).assignedCaseworkerId).toBe(scr.assignedCaseworkerId);
  });

  it("refuses a manager, who can read cases but not work them", async () => {
    expect(await codeOf(addCaseNote(db.prisma, manager, { caseId: openCase, text: "x" }))).toBe("FORBIDDEN");
  });

  it("prompts the unable-to-contact path at the third unsuccessful attempt since the last success (3.08)", async () => {
    const caseId = demoCaseId("s17-referred");
    await recordContactAttempt(db.prisma, caseworker, { caseId, channel: "telephone", outcome: "successful", note: null }, new Date("2026-11-20T09:00:00Z"));
    const first = await recordContactAttempt(db.prisma, caseworker, { caseId, channel: "telephone", outcome: "no_answer", note: null }, new Date("2026-11-21T09:00:00Z"));
    const second = await recordContactAttempt(db.prisma, caseworker, { caseId, channel: "text_message", outcome: "message_left", note: null }, new Date("2026-11-22T09:00:00Z"));
    const third = await recordContactAttempt(db.prisma, caseworker, { caseId, channel: "telephone", outcome: "no_answer", note: "Voicemail full" }, new Date("2026-11-23T09:00:00Z"));
    expect([first.promptUnableToContact, second.promptUnableToContact, third.promptUnableToContact]).toEqual([false, false, true]);
    expect(third.failedAttempts).toBe(3);
    expect(await db.prisma.auditEvent.count({ where: { caseId, action: "contact_attempt.recorded" } })).toBeGreaterThanOrEqual(4);
  });
});
