import { PROVISION_LABELS } from "@/lib/domain/case-labels";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDateFromDb } from "@/lib/db/dates";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { getCaseView } from "@/lib/server/cases/case-view";
import { applyLifecycleAction, type LifecycleRequest } from "@/lib/server/cases/lifecycle/apply-lifecycle-action";
import { listWorkQueue } from "@/lib/server/cases/list-work-queue";
import { listMyCasesDueThisWeek } from "@/lib/server/dashboard/list-my-cases-due";
import { recordContactAttempt } from "@/lib/server/cases/record-contact-attempt";
import { getExitTrackerPage } from "@/lib/server/exit-notices/get-exit-tracker-page";
import { recordExitTrackerSent } from "@/lib/server/exit-notices/record-exit-tracker-sent";
import { amendUc452Part6 } from "@/lib/server/paper-forms/amend-uc452-part6";
import { buildUc452EmailFor } from "@/lib/server/paper-forms/build-uc452-email";
import { recordUc452EmailSent } from "@/lib/server/paper-forms/record-uc452-email-sent";
import { UseCaseError } from "@/lib/server/use-case-error";
import { createCase, createProvider, type CaseSpec, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

const at = (today: string) => ({ today, now: new Date(`${today}T12:00:00Z`) });

/**
 * Exit notices (docs/rules/clocks.md "Exit notice", docs/rules/forms.md): UC452 part 8a or 8b
 * e-mailed to the UC Service Centre (13.21 note, 13.36, 13.37) and the Customer Exit Tracker sent to
 * the DEA/Work Coach (3.05, 3.16), each a task with a clock until recorded as sent; the welcome call
 * (3.07) and the DEA/Work Coach safeguard (3.08–3.10) through the use-case. Each test builds its case.
 */
describe("exit notices, the welcome call and the DEA/Work Coach safeguard", () => {
  let db: TestDatabase;
  let provider: Provider;
  let caseworker: UseCaseActor;

  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => {
        if (error instanceof UseCaseError) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
        throw error;
      },
    );
  async function step(caseId: string, action: LifecycleRequest["action"], input: object, today: string) {
    const { version } = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
    return applyLifecycleAction(db.prisma, caseworker, { caseId, version, action, input } as LifecycleRequest, at(today));
  }
  const caseRow = (id: string) => db.prisma.case.findUniqueOrThrow({ where: { id }, include: { closureReason: true, prapReferrals: true } });
  const newCase = async (spec: CaseSpec) => (await createCase(db.prisma, provider, { assignedTo: provider.users.caseworker, ...spec })).id;
  /** The Warm Handover's DEA/Work Coach (3.05), with or without an email. */
  const handover = (caseId: string, email: string | null) =>
    db.prisma.contact.create({ data: { caseId, role: "work_coach", name: "Priya Shah", organisation: "Leeds Jobcentre", phone: "0113 496 0000", email } });

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    caseworker = provider.actors.caseworker;
  });
  afterAll(() => db.close());

  it("opens the UC452 part 8a notice at an early exit, keeps it in the queue until e-mailed to the UC Service Centre, then meets its clock (13.21 note, 13.36)", async () => {
    // Started Mon 23 Nov 2026; left early Wed 2 Dec; 2 working days → Fri 4 Dec.
    const caseId = await newCase({ route: "prap_two_stage", state: "started", referralDate: "2026-11-23" });
    await step(caseId, "record_early_leaving", { leftOn: "2026-12-02", reasonCode: "found_work" }, "2026-12-02");
    let row = await caseRow(caseId);
    expect(row.state).toBe("left_early");
    expect(isoDateFromDb(row.exitNoticeDueOn)).toBe("2026-12-04");
    expect(isoDateFromDb(row.nextDeadlineOn)).toBe("2026-12-04");
    const queue = await listWorkQueue(db.prisma, caseworker, { view: "mine", page: 1, ...at("2026-12-03") });
    const listed = queue.rows.find((item) => item.id === caseId);
    expect(listed?.urgentClock?.id).toBe("exit_notice");
    const dueThisWeek = await listMyCasesDueThisWeek(db.prisma, caseworker, "2026-12-03", new Date("2026-12-03T12:00:00Z"));
    expect(dueThisWeek.rows.find((item) => item.id === caseId)?.nextDeadlineOn).toBe("2026-12-04");

    // The .eml carries the form itself, to the UC Service Centre only (13.21 note).
    const email = await buildUc452EmailFor(db.prisma, caseworker, caseId, "part_8a", "uc_service_centre", new Date("2026-12-03T10:00:00Z"));
    expect(email.message).toContain("Content-Type: text/html; charset=utf-8");
    expect(email.message).toMatch(/<th scope="row"[^>]*>Early leaving date<\/th><td[^>]*>Wednesday 2 December 2026<\/td>/);
    const form = await db.prisma.uc452Form.findUniqueOrThrow({ where: { caseId_part: { caseId, part: "part_8a" } } });
    const wrongInbox = await outcome(recordUc452EmailSent(db.prisma, caseworker, { caseId, part: "part_8a", inbox: "ses_policy", formVersion: form.version, sentOn: "2026-12-03" }, "2026-12-03"));
    expect(wrongInbox?.code).toBe("INVALID");

    await recordUc452EmailSent(db.prisma, caseworker, { caseId, part: "part_8a", inbox: "uc_service_centre", formVersion: form.version, sentOn: "2026-12-03" }, "2026-12-03");
    await recordUc452EmailSent(db.prisma, caseworker, { caseId, part: "part_8a", inbox: "uc_service_centre", formVersion: form.version, sentOn: "2026-12-04" }, "2026-12-04");
    row = await caseRow(caseId);
    expect(isoDateFromDb(row.exitNoticeSentOn)).toBe("2026-12-03");
    expect(row.nextDeadlineOn).toBeNull();
    expect(await db.prisma.uc452Email.count({ where: { caseId, part: "part_8a" } })).toBe(2);
    const clock = (await getCaseView(db.prisma, caseworker, caseId, at("2026-12-07"))).clocks.find((item) => item.id === "exit_notice");
    expect(clock).toMatchObject({ state: "met_on_time", metOn: "2026-12-03" });
    const after = await listWorkQueue(db.prisma, caseworker, { view: "mine", page: 1, ...at("2026-12-07") });
    expect(after.rows.some((item) => item.id === caseId)).toBe(false);
  });

  it("composes the Customer Exit Tracker at completion and sends it to the Warm Handover's DEA/Work Coach, taking the email if not held; every version kept (3.05, 3.16)", async () => {
    const caseId = await newCase({ route: "prap_single", state: "started", referralDate: "2026-11-23" });
    await handover(caseId, null);
    await step(caseId, "record_completion", { endedOn: "2026-12-02" }, "2026-12-02");
    let page = await getExitTrackerPage(db.prisma, caseworker, caseId);
    expect(page.form?.title).toBe("Customer Exit Tracker: completed");
    expect(page.form?.fields).toEqual([{ key: "actualEndOn", label: "End date of the provision", value: "Wednesday 2 December 2026" }]);
    expect(page.dueOn).toBe("2026-12-04");
    const formVersion = page.form!.version;

    const noEmail = await outcome(recordExitTrackerSent(db.prisma, caseworker, { caseId, formVersion, sentOn: "2026-12-03", workCoachEmail: null }, "2026-12-03"));
    expect(noEmail?.fieldErrors.workCoachEmail).toMatch(/not taken at the Warm Handover call \(3\.05\)/);
    expect((await caseRow(caseId)).exitNoticeSentOn).toBeNull();
    const beforeExit = await outcome(recordExitTrackerSent(db.prisma, caseworker, { caseId, formVersion, sentOn: "2026-12-01", workCoachEmail: "priya.shah@dwp.example.test" }, "2026-12-03"));
    expect(beforeExit?.code).toBe("INVALID");

    await recordExitTrackerSent(db.prisma, caseworker, { caseId, formVersion, sentOn: "2026-12-07", workCoachEmail: "priya.shah@dwp.example.test" }, "2026-12-07");
    await recordExitTrackerSent(db.prisma, caseworker, { caseId, formVersion, sentOn: "2026-12-08", workCoachEmail: null }, "2026-12-08");
    page = await getExitTrackerPage(db.prisma, caseworker, caseId);
    expect(page.workCoach?.email).toBe("priya.shah@dwp.example.test");
    expect(page.sentOn).toBe("2026-12-07");
    expect(page.sent.map((version) => version.sentOn)).toEqual(["2026-12-08", "2026-12-07"]);
    expect(page.sent[0]).toMatchObject({ recipient: "priya.shah@dwp.example.test", fields: [{ label: "End date of the provision", value: "Wednesday 2 December 2026" }] });
    const clock = (await getCaseView(db.prisma, caseworker, caseId, at("2026-12-08"))).clocks.find((item) => item.id === "exit_notice");
    expect(clock).toMatchObject({ state: "met_late", dueOn: "2026-12-04" });
    expect(await db.prisma.auditEvent.count({ where: { caseId, action: "exit_tracker.sent" } })).toBe(2);
  });

  it("has no Customer Exit Tracker for a 2016 case: it sends UC452 part 8a or 8b instead (13.21 note)", async () => {
    const caseId = await newCase({ route: "prap_two_stage", state: "completed" });
    expect((await outcome(getExitTrackerPage(db.prisma, caseworker, caseId)))?.code).toBe("NOT_FOUND");
  });

  it("records the welcome call on an accepted 2017 case: its details kept, the state and clock as 3.07 says, one audit row (3.07)", async () => {
    // Referred Mon 23 Nov 2026: 5 working days → Mon 30 Nov.
    const caseId = await newCase({ route: "prap_single", state: "accepted", referralDate: "2026-11-23" });
    const before = await caseRow(caseId);
    await step(
      caseId,
      "record_welcome_call",
      { calledOn: "2026-11-26", outcome: "first_day_arranged", firstDayOn: "2026-12-01", firstDayDetails: "10am, Leeds office", whatToBring: "Photo ID", reasonableAdjustments: "Step-free access" },
      "2026-11-26",
    );
    const row = await caseRow(caseId);
    expect(row.state).toBe("accepted");
    expect(row.version).toBe(before.version + 1);
    expect(isoDateFromDb(row.welcomeCallOn)).toBe("2026-11-26");
    expect(row.welcomeCall).toMatchObject({ outcome: "first_day_arranged", firstDayOn: "2026-12-01", reasonableAdjustments: "Step-free access" });
    const view = await getCaseView(db.prisma, caseworker, caseId, at("2026-11-27"));
    expect(view.clocks.find((item) => item.id === "welcome_call")).toMatchObject({ state: "met_on_time", dueOn: "2026-11-30" });
    expect(view.welcomeCall).toContainEqual({ key: "Reasonable adjustments", value: "Step-free access" });
    expect(await db.prisma.auditEvent.count({ where: { caseId, action: "case.record_welcome_call" } })).toBe(1);
    const again = await outcome(step(caseId, "record_welcome_call", { calledOn: "2026-11-27", outcome: "first_day_not_arranged", firstDayOn: null, firstDayDetails: null, whatToBring: null, reasonableAdjustments: null }, "2026-11-27"));
    expect(again?.code).toBe("INVALID");
  });

  it("shows a 2017 case closed without a welcome call as 'not met' (3.07)", async () => {
    const caseId = await newCase({ route: "prap_single", state: "rejected", referralDate: "2026-11-23" });
    const view = await getCaseView(db.prisma, caseworker, caseId, at("2026-12-10"));
    expect(view.clocks.find((item) => item.id === "welcome_call")?.state).toBe("not_met");
  });

  it("rejects as unable to contact only after the set number of failed attempts, with the DEA/Work Coach's agreement recorded (3.08)", async () => {
    const caseId = await newCase({ route: "prap_single", state: "referred", referralDate: "2026-11-23" });
    const reject = {
      reason: "customer_no_longer_suitable",
      suitabilityReason: "unable_to_contact",
      workCoachAgreed: true,
      workCoachName: "Priya Shah",
      workCoachContactedOn: "2026-11-27",
      workCoachContactMethod: "telephone",
    };
    await recordContactAttempt(db.prisma, caseworker, { caseId, attemptedOn: "2026-11-24", channel: "telephone", outcome: "no_answer", note: null }, new Date("2026-11-24T09:00:00Z"));
    await recordContactAttempt(db.prisma, caseworker, { caseId, attemptedOn: "2026-11-25", channel: "telephone", outcome: "no_answer", note: null }, new Date("2026-11-25T09:00:00Z"));
    const tooFew = await outcome(step(caseId, "reject", reject, "2026-11-27"));
    expect(tooFew?.fieldErrors.suitabilityReason).toMatch(/at least 3 unsuccessful contact attempts.*2 are recorded/);
    expect((await getCaseView(db.prisma, caseworker, caseId, at("2026-11-27"))).unableToContact).toEqual({ threshold: 3, prompt: false });

    await recordContactAttempt(db.prisma, caseworker, { caseId, attemptedOn: "2026-11-26", channel: "telephone", outcome: "message_left", note: null }, new Date("2026-11-26T09:00:00Z"));
    expect((await getCaseView(db.prisma, caseworker, caseId, at("2026-11-27"))).unableToContact).toEqual({ threshold: 3, prompt: true });
    await step(caseId, "reject", reject, "2026-11-27");
    const row = await caseRow(caseId);
    expect(row.state).toBe("rejected");
    expect(row.closureReason?.code).toBe("unable_to_contact");
    expect(row.prapReferrals[0]).toMatchObject({ status: "rejected", reason: "customer_no_longer_suitable" });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "case.rejected" } });
    expect(audit.after).toMatchObject({ workCoachAgreed: true, workCoachName: "Priya Shah", workCoachContactedOn: "2026-11-27", workCoachContactMethod: "telephone" });
  });

  it("records the DEA/Work Coach's disagreement and keeps the customer; an unsuitable cancellation without agreement is refused (3.10)", async () => {
    const caseId = await newCase({ route: "prap_single", state: "accepted", referralDate: "2026-11-23" });
    const contact = { workCoachName: "Priya Shah", workCoachContactedOn: "2026-11-27", workCoachContactMethod: "email" };
    const refused = await outcome(step(caseId, "cancel_did_not_start", { reason: "customer_no_longer_suitable", suitabilityReason: "no_longer_wishes", workCoachAgreed: false, ...contact }, "2026-11-27"));
    expect(refused?.message).toMatch(/must accept and keep the customer.*\(3\.10\)/);
    await step(caseId, "record_work_coach_disagreement", { suitabilityReason: "no_longer_wishes", ...contact }, "2026-11-27");
    const row = await caseRow(caseId);
    expect(row.state).toBe("accepted");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "case.record_work_coach_disagreement" } });
    expect(audit.after).toMatchObject({ workCoachAgreed: false, workCoachName: "Priya Shah", workCoachContactMethod: "email" });
  });

  it("gives a 2016 claimant who missed the Initial Assessment an honest exit: PRaP 'Other', the closure reason says what happened (docs/decisions/0011-2016-no-show-and-withdrawal.md)", async () => {
    const caseId = await newCase({ route: "prap_two_stage", state: "assessment_booked", referralDate: "2026-11-23" });
    await step(caseId, "reject", { reason: "did_not_attend_assessment", spocInformedOn: "2026-11-27" }, "2026-11-27");
    const row = await caseRow(caseId);
    expect(row.state).toBe("rejected");
    expect(row.closureReason?.code).toBe("did_not_attend_assessment");
    expect(row.prapReferrals.find((referral) => referral.provision === "ia_opportunity")).toMatchObject({ status: "rejected", reason: "other" });
    // The case page shows both: PRaP's own label and the case's reason.
    const view = await getCaseView(db.prisma, caseworker, caseId, at("2026-11-27"));
    expect(view.prapReferrals.find((referral) => referral.provision === PROVISION_LABELS.ia_opportunity)?.prapReason).toBe("Other");
    expect(view.closureReason).toBe("Did not attend the Initial Assessment");
  });

  it("amends UC452 part 6 with a reason, as a new version e-mailed again; the version sent before is kept (13.21)", async () => {
    const caseId = await newCase({ route: "prap_two_stage", state: "recommended", referralDate: "2026-11-23" });
    const form = await db.prisma.uc452Form.findUniqueOrThrow({ where: { caseId_part: { caseId, part: "part_6" } } });
    await recordUc452EmailSent(db.prisma, caseworker, { caseId, part: "part_6", inbox: "uc_service_centre", formVersion: form.version, sentOn: "2026-11-24" }, "2026-11-24");

    const stale = await outcome(amendUc452Part6(db.prisma, caseworker, { caseId, formVersion: form.version + 7, anticipatedStartOn: "2026-12-07", anticipatedEndOn: "2027-06-04", reason: "Later start" }));
    expect(stale?.code).toBe("STALE");
    await amendUc452Part6(db.prisma, caseworker, { caseId, formVersion: form.version, anticipatedStartOn: "2026-12-07", anticipatedEndOn: "2027-06-04", reason: "The claimant asked for a later start" });
    const amended = await db.prisma.uc452Form.findUniqueOrThrow({ where: { caseId_part: { caseId, part: "part_6" } } });
    expect(amended).toMatchObject({ version: form.version + 1, amendmentReason: "The claimant asked for a later start" });
    expect(amended.fields).toMatchObject({ anticipatedStartOn: "2026-12-07", anticipatedEndOn: "2027-06-04" });
    expect(isoDateFromDb((await caseRow(caseId)).anticipatedStartOn)).toBe("2026-12-07");

    const email = await buildUc452EmailFor(db.prisma, caseworker, caseId, "part_6", "uc_service_centre", new Date("2026-11-25T10:00:00Z"));
    expect(email.message).toContain(`Amended version ${form.version + 1}: The claimant asked for a later start`);
    expect(email.message).toMatch(/<th scope="row"[^>]*>Anticipated start date<\/th><td[^>]*>Monday 7 December 2026<\/td>/);
    // The version sent before the amendment is refused now (download again), the new one recorded.
    expect((await outcome(recordUc452EmailSent(db.prisma, caseworker, { caseId, part: "part_6", inbox: "uc_service_centre", formVersion: form.version, sentOn: "2026-11-25" }, "2026-11-25")))?.code).toBe("STALE");
    await recordUc452EmailSent(db.prisma, caseworker, { caseId, part: "part_6", inbox: "uc_service_centre", formVersion: amended.version, sentOn: "2026-11-25" }, "2026-11-25");
    const sent = await db.prisma.uc452Email.findMany({ where: { caseId, part: "part_6" }, orderBy: { sentOn: "asc" } });
    expect(sent.map((row) => (row.snapshot as { formVersion: number }).formVersion)).toEqual([form.version, form.version + 1]);
    expect((sent[0].snapshot as { fields: { anticipatedStartOn: string } }).fields.anticipatedStartOn).toBe("2026-11-23");
    expect(await db.prisma.auditEvent.count({ where: { caseId, action: "uc452.part6_amended", reason: "The claimant asked for a later start" } })).toBe(1);
  });
});
