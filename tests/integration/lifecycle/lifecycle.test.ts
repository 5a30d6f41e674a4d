import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDateFromDb } from "@/lib/db/dates";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { getCaseView } from "@/lib/server/cases/case-view";
import { applyLifecycleAction, type LifecycleRequest } from "@/lib/server/cases/lifecycle/apply-lifecycle-action";
import { getLifecycleCase } from "@/lib/server/cases/lifecycle/lifecycle-page";
import { UseCaseError } from "@/lib/server/use-case-error";
import { createCase, createPrapReferral, createProvider, type CaseSpec, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

const at = (today: string) => ({ today, now: new Date(`${today}T12:00:00Z`) });

/** The referral lifecycle through the use-case (docs/rules/states.md); each test builds the case it moves. */
describe("the referral lifecycle", () => {
  let db: TestDatabase;
  let provider: Provider;
  let caseworker: UseCaseActor;

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => {
        if (error instanceof UseCaseError) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
        throw error;
      },
    );
  async function step(who: UseCaseActor, caseId: string, action: LifecycleRequest["action"], input: object, today: string) {
    const { version } = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
    return applyLifecycleAction(db.prisma, who, { caseId, version, action, input } as LifecycleRequest, at(today));
  }
  const caseRow = (id: string) => db.prisma.case.findUniqueOrThrow({ where: { id }, include: { prapReferrals: true, uc452Parts: true, initialAssessment: true, closureReason: true } });
  const auditCount = (caseId: string) => db.prisma.auditEvent.count({ where: { caseId, action: { startsWith: "case." }, actorId: { not: null } } });
  const newCase = async (spec: CaseSpec) => (await createCase(db.prisma, provider, { assignedTo: provider.users.caseworker, ...spec })).id;

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    caseworker = provider.actors.caseworker;
  });
  afterAll(() => db.close());

  it("takes a UC case from referred to completed: states, PRaP statuses, UC452 parts, closure, due dates and an audit row per step", async () => {
    // Referred yesterday on the UC two-stage route (13.11–13.18).
    const caseId = await newCase({ route: "prap_two_stage", state: "referred", referralDate: "2026-11-23" });
    const start = await caseRow(caseId);
    expect(start.state).toBe("referred");
    const startDueOn = isoDateFromDb(start.startDueOn);
    const audits = await auditCount(caseId);

    await step(caseworker, caseId, "acknowledge", {}, "2026-11-24");
    let row = await caseRow(caseId);
    expect(row.state).toBe("acknowledged");
    expect(row.prapReferrals.find((r) => r.provision === "ia_opportunity")?.status).toBe("acknowledged");

    await step(caseworker, caseId, "record_assessment_recommended", {
      heldOn: "2026-11-24",
      strand: "sesmp",
      anticipatedStartOn: "2026-12-01",
      anticipatedEndOn: "2027-06-01",
    }, "2026-11-24");
    row = await caseRow(caseId);
    expect(row.state).toBe("recommended");
    expect(row.strand).toBe("sesmp");
    expect(isoDateFromDb(row.firstMetOn)).toBe("2026-11-24");
    expect(isoDateFromDb(row.anticipatedStartOn)).toBe("2026-12-01");
    expect(row.initialAssessment).toMatchObject({ outcome: "recommended", strand: "sesmp" });
    expect(row.uc452Parts.find((p) => p.part === "part_6")?.fields).toEqual({ strand: "sesmp", anticipatedStartOn: "2026-12-01", anticipatedEndOn: "2027-06-01" });
    // Meeting the claimant meets the 10-day clock; the stored due dates were recomputed.
    expect(row.nextDeadlineOn).not.toBeNull();

    // The strand referral is not in yet, so it cannot be accepted (13.26); nothing offered, nothing written.
    expect((await getLifecycleCase(db.prisma, caseworker, caseId)).actions).not.toContain("accept_strand_referral");
    const early = await failure(step(caseworker, caseId, "accept_strand_referral", {}, "2026-11-25"));
    expect(early?.code).toBe("INVALID");
    expect((await caseRow(caseId)).version).toBe(row.version);

    // The Work Coach's second referral, to the strand, arrives (recorded elsewhere).
    await createPrapReferral(db.prisma, caseId, { provision: "sesmp", regime: "uc", referralDate: "2026-11-25" });
    expect((await getLifecycleCase(db.prisma, caseworker, caseId)).actions).toContain("accept_strand_referral");
    await step(caseworker, caseId, "accept_strand_referral", {}, "2026-11-25");
    row = await caseRow(caseId);
    expect(row.state).toBe("accepted");
    expect(row.prapReferrals.find((r) => r.provision === "sesmp")?.status).toBe("accepted");

    // Reject after acceptance is refused with the state machine's reason (13.34); nothing is written.
    const rejected = await failure(step(caseworker, caseId, "reject", { reason: "other" }, "2026-11-26"));
    expect(rejected?.code).toBe("INVALID");
    expect(rejected?.message).toMatch(/13\.34/);
    const untouched = await caseRow(caseId);
    expect(untouched.state).toBe("accepted");
    expect(untouched.version).toBe(row.version);

    await step(caseworker, caseId, "record_start", { startedOn: "2026-12-01" }, "2026-12-01");
    row = await caseRow(caseId);
    expect(row.state).toBe("started");
    expect(isoDateFromDb(row.startedOn)).toBe("2026-12-01");
    expect(row.prapReferrals.find((r) => r.provision === "sesmp")?.status).toBe("started");
    expect(isoDateFromDb(row.startDueOn)).toBe(startDueOn);
    const view = await getCaseView(db.prisma, caseworker, caseId, at("2026-12-01"));
    const startClock = view.clocks.find((clock) => clock.id === "start");
    expect(startClock?.metOn).toBe("2026-12-01");
    expect(startClock?.dueOn).toBe(startDueOn);

    await step(caseworker, caseId, "record_completion", { endedOn: "2027-06-01" }, "2027-06-01");
    row = await caseRow(caseId);
    expect(row.state).toBe("completed");
    expect(isoDateFromDb(row.endedOn)).toBe("2027-06-01");
    expect(row.closedAt).not.toBeNull();
    expect(row.prapReferrals.find((r) => r.provision === "sesmp")?.status).toBe("completed");
    expect(row.uc452Parts.find((p) => p.part === "part_8b")?.fields).toEqual({ actualEndOn: "2027-06-01" });
    // Changed on purpose: the exit notice (UC452 part 8b to the UC Service Centre, 13.21
    // note, 13.37) is the one clock left, due 2 working days after the end date.
    expect(isoDateFromDb(row.exitNoticeDueOn)).toBe("2027-06-03");
    expect(isoDateFromDb(row.nextDeadlineOn)).toBe("2027-06-03");

    expect(await auditCount(caseId)).toBe(audits + 5);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "case.completed" } });
    expect(audit).toMatchObject({ actorId: caseworker.id, entityType: "Case", before: { state: "started" } });

    // Nothing leaves a terminal state, and nothing is offered.
    expect((await getLifecycleCase(db.prisma, caseworker, caseId)).actions).toEqual([]);
  });

  it("records a 2017 customer leaving early with the reason on the exit tracker (part 8a), closing the case", async () => {
    const caseId = await newCase({ route: "prap_single", state: "started", referralDate: "2026-10-26", dates: { startedOn: "2026-11-09" } });
    await step(caseworker, caseId, "record_early_leaving", { leftOn: "2026-11-23", reasonCode: "found_work" }, "2026-11-24");
    const row = await caseRow(caseId);
    expect(row.state).toBe("left_early");
    expect(isoDateFromDb(row.endedOn)).toBe("2026-11-23");
    expect(row.closedAt).not.toBeNull();
    expect(row.closureReason).toMatchObject({ kind: "early_leaving", code: "found_work" });
    expect(row.prapReferrals[0].status).toBe("left_early");
    const part = row.uc452Parts.find((p) => p.part === "part_8a");
    expect(part).toMatchObject({ templateVersion: "customer-exit-tracker-2017", fields: { leavingOn: "2026-11-23", reason: "Found work" } });
  });

  it("refuses an early-leaving reason that is not in the list, against the field", async () => {
    const caseId = await newCase({ route: "prap_two_stage", state: "started", referralDate: "2026-10-12", dates: { startedOn: "2026-11-09" } });
    const result = await failure(step(caseworker, caseId, "record_early_leaving", { leftOn: "2026-11-23", reasonCode: "made_up" }, "2026-11-24"));
    expect(result).toMatchObject({ code: "INVALID", fieldErrors: { reasonCode: expect.any(String) } });
    expect((await caseRow(caseId)).state).toBe("started");
  });

  it("records the Initial Assessment as not suitable with part 7 holding contact details only (13.31)", async () => {
    const caseId = await newCase({ route: "prap_two_stage", state: "assessment_booked", referralDate: "2026-11-16", dates: { initialAssessmentOn: "2026-11-24" } });
    await step(caseworker, caseId, "record_assessment_not_suitable", { heldOn: "2026-11-24", fullyDiscussedWithClaimant: true, spocPhonedOn: "2026-11-24" }, "2026-11-24");
    const row = await caseRow(caseId);
    expect(row.state).toBe("not_suitable");
    expect(row.closedAt).not.toBeNull();
    expect(row.closureReason).toMatchObject({ kind: "not_suitable", code: "discussed_with_spoc" });
    expect(row.initialAssessment).toMatchObject({ outcome: "not_recommended" });
    expect(Object.keys(row.uc452Parts.find((p) => p.part === "part_7")?.fields as object).sort()).toEqual(["providerEmail", "providerName", "providerPhone"]);
  });

  it("refuses cancelling before acceptance (13.34) and rejects a 2017 referral in error with reason Other", async () => {
    const caseId = await newCase({ route: "prap_single", state: "referred", referralDate: "2026-11-20" });
    const before = await caseRow(caseId);
    const refused = await failure(step(caseworker, caseId, "cancel_did_not_start", { reason: "other", errorDescription: "Wrong provider" }, "2026-11-24"));
    expect(refused?.code).toBe("INVALID");
    expect(refused?.message).toMatch(/3\.1[34]/);
    expect((await caseRow(caseId)).version).toBe(before.version);

    // Changed on purpose: "Other" carries a line describing the error (3.13).
    await step(caseworker, caseId, "reject", { reason: "other", errorDescription: "Referred to the wrong provider" }, "2026-11-24");
    const row = await caseRow(caseId);
    expect(row.state).toBe("rejected");
    expect(row.closureReason).toMatchObject({ kind: "rejection", code: "other" });
    expect(row.prapReferrals[0]).toMatchObject({ status: "rejected", reason: "other" });
  });

  it("cancels an accepted referral as Did Not Start, with the reason (3.14)", async () => {
    const caseId = await newCase({ route: "prap_single", state: "accepted", referralDate: "2026-11-10" });
    // Changed on purpose: the cancellation needs a reason (3.14; 3.08–3.10).
    expect((await failure(step(caseworker, caseId, "cancel_did_not_start", {}, "2026-11-24")))?.code).toBe("INVALID");
    await step(caseworker, caseId, "cancel_did_not_start", { reason: "other", errorDescription: "Customer not eligible: already on Work and Health" }, "2026-11-24");
    const row = await caseRow(caseId);
    expect(row.state).toBe("cancelled");
    expect(row.cancelledAt).not.toBeNull();
    expect(row.closureReason).toMatchObject({ kind: "cancellation", code: "did_not_start" });
    expect(row.prapReferrals[0]).toMatchObject({ status: "cancelled", reason: "did_not_start" });
  });

  it("records POST's back-out email and then cancels within the 24 hours (13.35)", async () => {
    const caseId = await newCase({ route: "prap_two_stage", state: "started", referralDate: "2026-10-12", dates: { startedOn: "2026-11-09" } });
    // A started referral cannot be cancelled without a back-out first.
    expect((await failure(step(caseworker, caseId, "cancel_did_not_start", { reason: "other", errorDescription: "Wrong provider" }, "2026-11-24")))?.code).toBe("INVALID");
    await step(caseworker, caseId, "record_back_out_email", { receivedAt: "2026-11-24T09:00:00.000Z" }, "2026-11-24");
    let row = await caseRow(caseId);
    expect(row.state).toBe("backed_out");
    expect(row.backOutEmailAt?.toISOString()).toBe("2026-11-24T09:00:00.000Z");
    expect(row.cancelDueAt?.toISOString()).toBe("2026-11-25T09:00:00.000Z");
    expect(row.prapReferrals.find((r) => r.provision !== "ia_opportunity")?.status).toBe("backed_out");

    await step(caseworker, caseId, "cancel_after_back_out", {}, "2026-11-24");
    row = await caseRow(caseId);
    expect(row.state).toBe("cancelled");
    expect(row.closedAt).not.toBeNull();
    expect(row.closureReason).toMatchObject({ kind: "cancellation", code: "did_not_start" });
    expect(row.prapReferrals.find((r) => r.provision !== "ia_opportunity")).toMatchObject({ status: "cancelled", reason: "did_not_start" });
  });

  it("times the PRaP cancellation by the entered time, not the keying time: on time if done in PRaP within 24 hours, even keyed later (13.35, 3.15)", async () => {
    const caseId = await newCase({ route: "prap_single", state: "started", referralDate: "2026-10-12", dates: { startedOn: "2026-11-09" } });
    await step(caseworker, caseId, "record_back_out_email", { receivedAt: "2026-11-20T09:00:00.000Z" }, "2026-11-20");
    const { version } = await caseRow(caseId);
    // Cancelled in PRaP at 08:30 on Sat 21 Nov, keyed on Tue 24 Nov: on time, nothing flagged.
    const request = { caseId, version, action: "cancel_after_back_out", input: {}, happened: { on: "2026-11-21", time: "08:30" } } as LifecycleRequest;
    const result = await applyLifecycleAction(db.prisma, caseworker, request, at("2026-11-24"));
    expect(result.warnings).toEqual([]);
    const row = await caseRow(caseId);
    expect(row.cancelledAt?.toISOString()).toBe("2026-11-21T08:30:00.000Z");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "case.cancelled" }, orderBy: { at: "desc" } });
    expect(audit.after).toMatchObject({ businessDate: "2026-11-21", businessTime: "08:30", keyedAt: "2026-11-24T12:00:00.000Z" });
  });

  it("flags a PRaP cancellation entered after the 24 hours as late, but records it (13.35, 3.15)", async () => {
    const caseId = await newCase({ route: "prap_single", state: "started", referralDate: "2026-10-12", dates: { startedOn: "2026-11-09" } });
    await step(caseworker, caseId, "record_back_out_email", { receivedAt: "2026-11-20T09:00:00.000Z" }, "2026-11-20");
    const { version } = await caseRow(caseId);
    const request = { caseId, version, action: "cancel_after_back_out", input: {}, happened: { on: "2026-11-21", time: "11:00" } } as LifecycleRequest;
    const result = await applyLifecycleAction(db.prisma, caseworker, request, at("2026-11-24"));
    expect(result.warnings.join(" ")).toMatch(/2 hours late/);
    expect((await caseRow(caseId)).state).toBe("cancelled");
  });

  it("keeps each event's business date apart from its keying time, refusing one in the future or before the referral (docs/rules/decisions.md)", async () => {
    const caseId = await newCase({ route: "prap_two_stage", state: "referred", referralDate: "2026-11-18" });
    const { version } = await caseRow(caseId);
    const acknowledge = (on: string) => ({ caseId, version, action: "acknowledge", input: {}, happened: { on, time: null } }) as LifecycleRequest;
    const future = await failure(applyLifecycleAction(db.prisma, caseworker, acknowledge("2026-11-25"), at("2026-11-24")));
    expect(future?.fieldErrors).toEqual({ happenedOn: "Date you acknowledged the referral in PRaP must be today or in the past" });
    const early = await failure(applyLifecycleAction(db.prisma, caseworker, acknowledge("2026-11-17"), at("2026-11-24")));
    expect(early?.fieldErrors.happenedOn).toMatch(/same as or after the referral date/);
    expect((await caseRow(caseId)).version).toBe(version);

    await applyLifecycleAction(db.prisma, caseworker, acknowledge("2026-11-19"), at("2026-11-24"));
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "case.acknowledged" }, orderBy: { at: "desc" } });
    expect(audit.after).toMatchObject({ businessDate: "2026-11-19", businessTime: null, keyedAt: "2026-11-24T12:00:00.000Z" });
    const row = await caseRow(caseId);
    expect(row.prapReferrals[0].statusChangedAt.toISOString()).toBe("2026-11-19T00:00:00.000Z");
  });

  it("stores a UC452 part's completion date as the business date entered, not the keying time, and refuses one in the future or before the referral (docs/rules/decisions.md; 13.21, 13.36)", async () => {
    const caseId = await newCase({ route: "prap_two_stage", state: "started", referralDate: "2026-10-12", dates: { startedOn: "2026-11-09" } });
    const { version } = await caseRow(caseId);
    const leave = (on: string) =>
      ({ caseId, version, action: "record_early_leaving", input: { leftOn: "2026-11-20", reasonCode: "found_work" }, happened: { on, time: null } }) as LifecycleRequest;
    const future = await failure(applyLifecycleAction(db.prisma, caseworker, leave("2026-11-25"), at("2026-11-24")));
    expect(future?.fieldErrors).toEqual({ happenedOn: "Date you completed the exit form must be today or in the past" });
    const early = await failure(applyLifecycleAction(db.prisma, caseworker, leave("2026-10-11"), at("2026-11-24")));
    expect(early?.fieldErrors).toEqual({ happenedOn: "Date you completed the exit form must be the same as or after the referral date, Monday 12 October 2026" });
    const untouched = await caseRow(caseId);
    expect(untouched.version).toBe(version);
    expect(untouched.uc452Parts.find((p) => p.part === "part_8a")).toBeUndefined();

    // Part 8a completed on Mon 23 Nov, keyed on Tue 24 Nov: the part keeps the 23rd, the audit row both.
    await applyLifecycleAction(db.prisma, caseworker, leave("2026-11-23"), at("2026-11-24"));
    const part = (await caseRow(caseId)).uc452Parts.find((p) => p.part === "part_8a");
    expect(part?.completedAt?.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "case.left_early" }, orderBy: { at: "desc" } });
    expect(audit.after).toMatchObject({ businessDate: "2026-11-23", businessTime: null, keyedAt: "2026-11-24T12:00:00.000Z" });
  });

  it("dates UC452 part 6 by the day it was completed, entered with the Initial Assessment (13.21)", async () => {
    const caseId = await newCase({ route: "prap_two_stage", state: "assessment_booked", referralDate: "2026-11-16", dates: { initialAssessmentOn: "2026-11-20" } });
    const { version } = await caseRow(caseId);
    const input = { heldOn: "2026-11-20", strand: "sesmp", anticipatedStartOn: "2026-11-30", anticipatedEndOn: "2027-05-28" };
    const request = { caseId, version, action: "record_assessment_recommended", input, happened: { on: "2026-11-20", time: null } } as LifecycleRequest;
    await applyLifecycleAction(db.prisma, caseworker, request, at("2026-11-24"));
    const part = (await caseRow(caseId)).uc452Parts.find((p) => p.part === "part_6");
    expect(part?.completedAt?.toISOString()).toBe("2026-11-20T00:00:00.000Z");
  });

  it("refuses a stale version, so a double submission writes nothing the second time", async () => {
    const caseId = await newCase({ route: "prap_two_stage", state: "acknowledged", referralDate: "2026-11-18" });
    const { version } = await caseRow(caseId);
    const audits = await auditCount(caseId);
    const request = { caseId, version, action: "book_initial_assessment", input: { assessmentOn: "2026-11-27" } } as LifecycleRequest;
    await applyLifecycleAction(db.prisma, caseworker, request, at("2026-11-24"));
    expect((await failure(applyLifecycleAction(db.prisma, caseworker, request, at("2026-11-24"))))?.code).toBe("STALE");
    const row = await caseRow(caseId);
    expect(row.state).toBe("assessment_booked");
    expect(row.version).toBe(version + 1);
    expect(await auditCount(caseId)).toBe(audits + 1);
  });

  it("treats an SCR case as not found for a caseworker, whatever they post (AC-01, AC-05)", async () => {
    const scr = (await createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer })).id;
    const before = await caseRow(scr);
    const result = await failure(applyLifecycleAction(db.prisma, caseworker, { caseId: scr, version: before.version, action: "acknowledge", input: {} }, at("2026-11-24")));
    expect(result?.code).toBe("NOT_FOUND");
    expect((await caseRow(scr)).version).toBe(before.version);
    expect((await failure(getLifecycleCase(db.prisma, caseworker, scr)))?.code).toBe("NOT_FOUND");
  });
});
