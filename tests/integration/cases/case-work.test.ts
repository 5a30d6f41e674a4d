import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCaseNote } from "@/lib/server/cases/add-case-note";
import { assignCase } from "@/lib/server/cases/assign-case";
import { recordContactAttempt } from "@/lib/server/cases/record-contact-attempt";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { codeOf } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/** Notes, assignment and contact attempts around a case (docs/rules/states.md), each test on its own case. */
describe("work around a case", () => {
  let db: TestDatabase;
  let provider: Provider;
  const openCase = () => createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
  const scrCase = () => createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer });

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  it("adds a note with its author and time, and audits that a note was added without copying its words", async () => {
    const { caseworker } = provider.actors;
    const { id: caseId } = await openCase();
    const text = "Called about travel costs.\nWill bring a payslip.";
    await addCaseNote(db.prisma, caseworker, { caseId, text });
    const note = await db.prisma.caseNote.findFirstOrThrow({ where: { caseId, text } });
    expect(note.authorId).toBe(caseworker.id);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "note.added", entityId: note.id } });
    expect(audit).toMatchObject({ actorId: caseworker.id, caseId });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain("payslip");
  });

  it("assigns a case, keeps the history, and refuses a stale version without overwriting (optimistic concurrency)", async () => {
    const { caseworker, officer } = provider.actors;
    // A Glasgow case, so the Glasgow caseworker works at its site (docs/decisions/0030-users-with-several-sites.md).
    const before = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred", site: provider.sites.scotland });
    const openCaseId = before.id;
    const glasgow = provider.users.caseworkerScotland.id;
    await assignCase(db.prisma, caseworker, { caseId: openCaseId, version: before.version, caseworkerId: glasgow });
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: openCaseId } });
    expect(after.assignedCaseworkerId).toBe(glasgow);
    expect(after.version).toBe(before.version + 1);
    expect(await db.prisma.caseAssignment.count({ where: { caseId: openCaseId, caseworkerId: glasgow } })).toBe(1);

    // Someone else's form, rendered at the old version, is refused and changes nothing.
    expect(await codeOf(assignCase(db.prisma, officer, { caseId: openCaseId, version: before.version, caseworkerId: null }))).toBe("STALE");
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: openCaseId } })).assignedCaseworkerId).toBe(glasgow);

    // The same submission twice is harmless: no second history row, no new version.
    await assignCase(db.prisma, caseworker, { caseId: openCaseId, version: after.version, caseworkerId: glasgow });
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: openCaseId } })).version).toBe(after.version);
    expect(await db.prisma.caseAssignment.count({ where: { caseId: openCaseId, caseworkerId: glasgow } })).toBe(1);
  });

  it("treats an SCR case as not found for a caseworker, whatever they post (AC-01, AC-05)", async () => {
    const { caseworker } = provider.actors;
    const { id: scr } = await scrCase();
    expect(await codeOf(addCaseNote(db.prisma, caseworker, { caseId: scr, text: "probe" }))).toBe("NOT_FOUND");
    expect(await codeOf(assignCase(db.prisma, caseworker, { caseId: scr, version: 1, caseworkerId: caseworker.id }))).toBe("NOT_FOUND");
    expect(await codeOf(recordContactAttempt(db.prisma, caseworker, { caseId: scr, attemptedOn: "2026-11-24", channel: "telephone", outcome: "no_answer", note: null }))).toBe("NOT_FOUND");
    expect(await db.prisma.caseNote.count({ where: { caseId: scr } })).toBe(0);
  });

  it("lets only a nominated officer hold an SCR case (13.77, 3.43)", async () => {
    const scr = await scrCase();
    expect(await codeOf(assignCase(db.prisma, provider.actors.officer, { caseId: scr.id, version: scr.version, caseworkerId: provider.users.caseworker.id }))).toBe("INVALID");
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: scr.id } })).assignedCaseworkerId).toBe(provider.users.officer.id);
  });

  it("refuses a manager, who can read cases but not work them", async () => {
    const { id: caseId } = await openCase();
    expect(await codeOf(addCaseNote(db.prisma, provider.actors.manager, { caseId, text: "x" }))).toBe("FORBIDDEN");
  });

  it("prompts the unable-to-contact path at the third unsuccessful attempt since the last success (3.08)", async () => {
    const { caseworker } = provider.actors;
    const { id: caseId } = await createCase(db.prisma, provider, { route: "prap_single", state: "referred", referralDate: "2026-11-19" });
    await recordContactAttempt(db.prisma, caseworker, { caseId, attemptedOn: "2026-11-20", channel: "telephone", outcome: "successful", note: null }, new Date("2026-11-20T09:00:00Z"));
    const first = await recordContactAttempt(db.prisma, caseworker, { caseId, attemptedOn: "2026-11-21", channel: "telephone", outcome: "no_answer", note: null }, new Date("2026-11-21T09:00:00Z"));
    const second = await recordContactAttempt(db.prisma, caseworker, { caseId, attemptedOn: "2026-11-22", channel: "text_message", outcome: "message_left", note: null }, new Date("2026-11-22T09:00:00Z"));
    const third = await recordContactAttempt(db.prisma, caseworker, { caseId, attemptedOn: "2026-11-23", channel: "telephone", outcome: "no_answer", note: "Voicemail full" }, new Date("2026-11-23T09:00:00Z"));
    expect([first.promptUnableToContact, second.promptUnableToContact, third.promptUnableToContact]).toEqual([false, false, true]);
    expect(third.failedAttempts).toBe(3);
    expect(await db.prisma.auditEvent.count({ where: { caseId, action: "contact_attempt.recorded" } })).toBe(4);
  });

  it("records a contact attempt on its own business date, refusing one in the future or before the referral (docs/rules/decisions.md)", async () => {
    const { caseworker } = provider.actors;
    const { id: caseId } = await createCase(db.prisma, provider, { route: "prap_single", state: "referred", referralDate: "2026-11-19" });
    const now = new Date("2026-11-24T15:00:00Z");
    const attempt = (attemptedOn: string) => recordContactAttempt(db.prisma, caseworker, { caseId, attemptedOn, channel: "telephone", outcome: "no_answer", note: null }, now);
    expect(await codeOf(attempt("2026-11-25"))).toBe("INVALID");
    expect(await codeOf(attempt("2026-11-18"))).toBe("INVALID");
    expect(await db.prisma.contactAttempt.count({ where: { caseId } })).toBe(0);
    await attempt("2026-11-20");
    const row = await db.prisma.contactAttempt.findFirstOrThrow({ where: { caseId } });
    expect(row.attemptedAt.toISOString()).toBe("2026-11-20T00:00:00.000Z");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "contact_attempt.recorded" } });
    expect(audit.after).toMatchObject({ businessDate: "2026-11-20", keyedAt: "2026-11-24T15:00:00.000Z" });
  });
});
