import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDateFromDb } from "@/lib/db/dates";
import { amendCaseDateSchema, undoLastStepSchema } from "@/lib/domain/forms/amend-forms";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { getCaseView } from "@/lib/server/cases/case-view";
import { applyLifecycleAction, type LifecycleRequest } from "@/lib/server/cases/lifecycle/apply-lifecycle-action";
import { amendCaseDate } from "@/lib/server/corrections/amend-case-date";
import { getAmendPage } from "@/lib/server/corrections/get-amend-page";
import { undoLastStep } from "@/lib/server/corrections/undo-last-step";
import { actorFor, createCase, createProvider, createUserRow, type Provider } from "@/tests/integration/support/builders";
import { auditRowsFor } from "@/tests/integration/support/inspect";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * "Amend with reason" (docs/rules/states.md: corrections; docs/decisions/0012-corrections-by-an-administrator.md): an administrator
 * corrects a recorded date or undoes the last step, with a reason; due dates recompute, the audit
 * row keeps before and after, the timeline shows both.
 */
describe("amend with reason", () => {
  let db: TestDatabase;
  let provider: Provider;
  let amender: UseCaseActor;
  const at = (today: string) => ({ today, now: new Date(`${today}T12:00:00Z`) });
  const row = (id: string) => db.prisma.case.findUniqueOrThrow({ where: { id }, include: { prapReferrals: true } });
  const dateInput = (caseId: string, version: number, field: string, iso: string, reason = "Keyed from the wrong e-mail") => {
    const [year, month, day] = iso.split("-");
    return amendCaseDateSchema.parse({ caseId, version: String(version), field, "date-day": day, "date-month": month, "date-year": year, reason });
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    const user = await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["manager", "administrator"], name: "Ada Admin" });
    amender = actorFor(user);
  });
  afterAll(() => db.close());

  it("corrects the referral date: the start deadline recomputes (13.13), the audit row keeps before, after and the reason, the timeline shows them", async () => {
    const built = await createCase(db.prisma, provider, { route: "prap_single", state: "accepted", referralDate: "2026-11-03" });
    const before = await row(built.id);
    expect(isoDateFromDb(before.startDueOn)).toBe("2026-12-01");
    // A referral date after the date it was received is refused (correct the received date first).
    await expectUseCaseError(amendCaseDate(db.prisma, amender, dateInput(built.id, before.version, "referralDate", "2026-11-04"), "2026-12-03"), "INVALID");
    await amendCaseDate(db.prisma, amender, dateInput(built.id, before.version, "referralDate", "2026-11-02"), "2026-12-03");
    const after = await row(built.id);
    expect(isoDateFromDb(after.referralDate)).toBe("2026-11-02");
    expect(isoDateFromDb(after.startDueOn)).toBe("2026-11-30");
    expect(after.version).toBe(before.version + 1);
    const [audit] = await auditRowsFor(db.prisma, { entityId: built.id, action: "case.amended" });
    expect(audit).toMatchObject({ before: { referralDate: "2026-11-03" }, after: { referralDate: "2026-11-02" }, reason: "Keyed from the wrong e-mail" });
    const view = await getCaseView(db.prisma, amender, built.id, at("2026-12-03"));
    expect(view.timeline[0].detail).toBe("Referral date: Tuesday 3 November 2026 → Monday 2 November 2026. Reason: Keyed from the wrong e-mail");
  });

  it("refuses a stale version, a future date, a start before the referral and a date never recorded; nothing changes", async () => {
    const built = await createCase(db.prisma, provider, { route: "prap_single", state: "started", referralDate: "2026-11-02", dates: { startedOn: "2026-11-20" } });
    const { version } = await row(built.id);
    await expectUseCaseError(amendCaseDate(db.prisma, amender, dateInput(built.id, version + 1, "startedOn", "2026-11-19"), "2026-12-03"), "STALE");
    const future = await expectUseCaseError(amendCaseDate(db.prisma, amender, dateInput(built.id, version, "startedOn", "2026-12-04"), "2026-12-03"), "INVALID");
    expect(future.fieldErrors.date).toMatch(/today or in the past/);
    const early = await expectUseCaseError(amendCaseDate(db.prisma, amender, dateInput(built.id, version, "startedOn", "2026-11-01"), "2026-12-03"), "INVALID");
    expect(early.fieldErrors.date).toMatch(/same as or after the referral date/);
    const missing = await expectUseCaseError(amendCaseDate(db.prisma, amender, dateInput(built.id, version, "endedOn", "2026-11-25"), "2026-12-03"), "INVALID");
    expect(missing.fieldErrors.date).toMatch(/no end or exit date recorded/);
    expect((await row(built.id)).version).toBe(version);
    expect(await auditRowsFor(db.prisma, { entityId: built.id, action: "case.amended" })).toHaveLength(0);
  });

  it("is an administrator's who can see cases: a caseworker and a manager are refused (docs/decisions/0012-corrections-by-an-administrator.md)", async () => {
    const built = await createCase(db.prisma, provider, { route: "prap_single", state: "accepted", referralDate: "2026-11-02" });
    await expectUseCaseError(amendCaseDate(db.prisma, provider.actors.caseworker, dateInput(built.id, 1, "referralDate", "2026-11-03"), "2026-12-03"), "FORBIDDEN");
    await expectUseCaseError(amendCaseDate(db.prisma, provider.actors.manager, dateInput(built.id, 1, "referralDate", "2026-11-03"), "2026-12-03"), "FORBIDDEN");
    expect((await getAmendPage(db.prisma, provider.actors.caseworker, built.id)).canAmend).toBe(false);
  });

  it("undoes the last step: the start is taken back, the PRaP referral returns to accepted, the start clock is open again; a repeat is refused", async () => {
    const built = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "accepted", referralDate: "2026-11-23", assignedTo: provider.users.caseworker });
    const { version } = await row(built.id);
    await applyLifecycleAction(db.prisma, provider.actors.caseworker, { caseId: built.id, version, action: "record_start", input: { startedOn: "2026-12-01" } } as LifecycleRequest, at("2026-12-01"));
    const started = await row(built.id);
    expect(started.state).toBe("started");
    const page = await getAmendPage(db.prisma, amender, built.id);
    expect(page.lastStep).toMatchObject({ fromLabel: expect.any(String), undoable: true });
    const input = undoLastStepSchema.parse({ caseId: built.id, version: String(started.version), stepEventId: page.lastStep!.eventId, reason: "Start recorded on the wrong case" });
    await undoLastStep(db.prisma, amender, input);
    const undone = await row(built.id);
    expect(undone.state).toBe("accepted");
    expect(undone.startedOn).toBeNull();
    expect(undone.prapReferrals.every((referral) => referral.status !== "started")).toBe(true);
    const [audit] = await auditRowsFor(db.prisma, { entityId: built.id, action: "case.step_undone" });
    expect(audit).toMatchObject({ before: { state: "started" }, after: { state: "accepted", undoneAction: "record_start" }, reason: "Start recorded on the wrong case" });
    await expectUseCaseError(undoLastStep(db.prisma, amender, { ...input, version: undone.version }), "STALE");
    const view = await getCaseView(db.prisma, amender, built.id, at("2026-12-01"));
    expect(view.timeline[0].detail).toMatch(/^State: Started → Accepted/);
  });
});
