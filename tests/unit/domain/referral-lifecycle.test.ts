import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { formatIsoDate, parseIsoDate, type IsoDate } from "@/lib/calendar/iso-date";
import type { CaseRoute } from "@/lib/domain/case-labels";
import { CASE_STATES, CLOSED_STATES, type CaseState } from "@/lib/domain/case-states";
import type { Ruleset } from "@/lib/domain/deadlines";
import {
  availableActions,
  availableTransitions,
  checkTransition,
  customerWorkRefusal,
  type TransitionAllowed,
  type TransitionCheck,
} from "@/lib/domain/lifecycle/check-transition";
import { failedAttemptsSinceLastContact, unableToContactPrompt, unableToContactPromptFor } from "@/lib/domain/lifecycle/contact-attempts";
import type { LifecycleContext } from "@/lib/domain/lifecycle/input-checks";
import { cite } from "@/lib/domain/lifecycle/rulesets";
import { lifecycleRouteOf, type LifecycleSnapshot, type RestrictionTier } from "@/lib/domain/lifecycle/snapshot";
import {
  ACTION_LABELS,
  INTRODUCTION_ACTIONS,
  LIFECYCLE_ACTIONS,
  PRAP_ACTIONS,
  TRANSITION_TABLE,
  type LifecycleAction,
  type LifecycleInputs,
  type LifecycleTransition,
} from "@/lib/domain/lifecycle/steps";
import type { TransitionRefused } from "@/lib/domain/lifecycle/transition";

// Tuesday 16 May 2017, 11am UK time (BST). Referral on Thursday 13 April 2017 (the worked example in docs/rules/clocks.md).
const TODAY: IsoDate = "2017-05-16";
const NOW = new Date("2017-05-16T10:00:00Z");
const CONTEXT: LifecycleContext = { today: TODAY, now: NOW };
const REFERRAL_DATE: IsoDate = "2017-04-13";
const STARTED_ON: IsoDate = "2017-05-02";
/** POST's email at 9:45am UK time today: 1¼ hours before NOW. */
const BACK_OUT_EMAIL_AT = "2017-05-16T08:45:00Z";

/** Who was asked, how (3.08): the date is added where it is used. */
const WORK_COACH = { workCoachName: "Priya Shah", workCoachContactMethod: "telephone", workCoachContactedOn: "2017-05-15" } as const;

const RULESETS: readonly Ruleset[] = ["ses_2016_uc", "ses_2017"];
const ROUTES: readonly CaseRoute[] = ["prap_two_stage", "prap_single", "sro_introduction", "scr_clerical"];
const TIERS: readonly RestrictionTier[] = ["none", "mappa", "scr"];

function addDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(parseIsoDate(date) + days);
}

function snapshot(overrides: Partial<LifecycleSnapshot> = {}): LifecycleSnapshot {
  return {
    route: "prap_two_stage",
    ruleset: "ses_2016_uc",
    state: "referred",
    restrictionTier: "none",
    referralDate: REFERRAL_DATE,
    startedOn: null,
    backOutEmailAt: null,
    hasStrandReferral: false,
    provisionFull: null,
    failedContactAttempts: 0,
    ...overrides,
  };
}

const uc = (state: CaseState, overrides: Partial<LifecycleSnapshot> = {}) => snapshot({ state, ...overrides });
const s17 = (state: CaseState, overrides: Partial<LifecycleSnapshot> = {}) =>
  snapshot({ route: "prap_single", ruleset: "ses_2017", state, ...overrides });
const scr = (state: CaseState, ruleset: Ruleset, overrides: Partial<LifecycleSnapshot> = {}) =>
  snapshot({ route: "scr_clerical", restrictionTier: "scr", ruleset, state, ...overrides });
const sro = (state: CaseState, ruleset: Ruleset, overrides: Partial<LifecycleSnapshot> = {}) =>
  snapshot({ route: "sro_introduction", ruleset, state, referralDate: null, ...overrides });

/** An input the rules accept for this case on TODAY / at NOW (all snapshot dates are on or before TODAY). */
function validInput<A extends LifecycleAction>(action: A, today: IsoDate = TODAY, now: Date = NOW): LifecycleInputs[A] {
  const inputs: { [K in LifecycleAction]: LifecycleInputs[K] } = {
    accept_introduction: { metOn: today },
    record_not_eligible: { metOn: today, reasonCode: "incompatible_programme" },
    record_provision_full: { metOn: today, reason: "Every adviser's caseload is full" },
    record_jcp_referral: { referralDate: today },
    acknowledge: {},
    book_initial_assessment: { assessmentOn: today },
    record_assessment_recommended: {
      heldOn: today,
      strand: "sesmp",
      anticipatedStartOn: today,
      anticipatedEndOn: addDays(today, 182),
    },
    record_assessment_not_suitable: { heldOn: today, fullyDiscussedWithClaimant: true, spocPhonedOn: today },
    accept_strand_referral: {},
    accept_referral: {},
    record_welcome_call: {
      calledOn: today,
      outcome: "first_day_arranged",
      firstDayOn: today,
      firstDayDetails: "10am at the Leeds office",
      whatToBring: null,
      reasonableAdjustments: null,
    },
    record_start: { startedOn: today },
    record_completion: { endedOn: today },
    record_early_leaving: { leftOn: today, reasonCode: "found_work" },
    reject: { reason: "other", errorDescription: "Referred to the wrong provider" },
    cancel_did_not_start: { reason: "other", errorDescription: "Referred to the wrong provider" },
    record_work_coach_disagreement: { suitabilityReason: "no_longer_wishes", ...WORK_COACH, workCoachContactedOn: today },
    close_scr_not_engaged: { outcome: "never_engaged", reason: "Three letters through the JCP nominated officer, no reply" },
    record_back_out_email: { receivedAt: now.toISOString() },
    cancel_after_back_out: {},
  };
  return inputs[action];
}

function check<A extends LifecycleAction>(
  s: LifecycleSnapshot,
  action: A,
  input: LifecycleInputs[A] = validInput(action),
  context: LifecycleContext = CONTEXT,
): TransitionCheck {
  return checkTransition(s, action, input, context);
}

function allowed(result: TransitionCheck): TransitionAllowed {
  if (!result.ok) throw new Error(`Expected the transition to be allowed, got: ${result.message}`);
  return result;
}

function refused(result: TransitionCheck): TransitionRefused {
  if (result.ok) throw new Error(`Expected a refusal, but ${result.from} → ${result.to} was allowed`);
  expect(result.message).toContain(`(${result.paragraph})`);
  return result;
}

/** The case after an allowed transition, with the facts its input recorded. */
function after(s: LifecycleSnapshot, result: TransitionCheck, facts: Partial<LifecycleSnapshot> = {}): LifecycleSnapshot {
  return { ...s, state: allowed(result).to, ...facts };
}

// ─── Every row of the table, allowed ───────────────────────────────────────────────────

/** The routes a case can arrive by whose transitions are this lifecycle route's. */
function arrivals(route: CaseRoute): { route: CaseRoute; restrictionTier: RestrictionTier }[] {
  switch (route) {
    case "prap_two_stage":
    case "prap_single":
      // An SRO introduction joins the PRaP process once JCP's referral arrives (13.49, 3.27);
      // a MAPPA case takes the same PRaP actions (13.60).
      return [
        { route, restrictionTier: "none" },
        { route, restrictionTier: "mappa" },
        { route: "sro_introduction", restrictionTier: "none" },
      ];
    case "scr_clerical":
      return [{ route: "scr_clerical", restrictionTier: "scr" }];
    case "sro_introduction":
      return [{ route: "sro_introduction", restrictionTier: "none" }];
  }
}

/** A case in `from` that meets every requirement of the row. */
function caseFor(row: LifecycleTransition, from: CaseState, ruleset: Ruleset, arrival: { route: CaseRoute; restrictionTier: RestrictionTier }) {
  const started = from === "started" || from === "backed_out";
  return snapshot({
    ...arrival,
    ruleset,
    state: from,
    hasStrandReferral: true,
    startedOn: started ? STARTED_ON : null,
    backOutEmailAt: from === "backed_out" ? BACK_OUT_EMAIL_AT : null,
  });
}

const ROW_CASES = TRANSITION_TABLE.flatMap((row) =>
  row.from.flatMap((from) =>
    row.rulesets.flatMap((ruleset) =>
      row.routes.flatMap((route) =>
        arrivals(route).map((arrival) => ({
          name: `${row.id}: ${from} → ${row.to} by “${ACTION_LABELS[row.action]}” (${cite(row.paragraphs, ruleset)}) — ${arrival.route}${arrival.restrictionTier === "none" ? "" : ` (${arrival.restrictionTier})`}, ${ruleset}`,
          row,
          from,
          ruleset,
          arrival,
        })),
      ),
    ),
  ),
);

describe("every transition in TRANSITION_TABLE is offered and allowed", () => {
  it.each(ROW_CASES)("$name", ({ row, from, ruleset, arrival }) => {
    const s = caseFor(row, from, ruleset, arrival);
    expect(availableActions(s)).toContain(row.action);
    const result = allowed(check(s, row.action));
    expect(result.transitionId).toBe(row.id);
    expect(result.from).toBe(from);
    expect(result.to).toBe(row.to);
    expect(result.paragraph).toBe(cite(row.paragraphs, ruleset));
    expect(result.prapReferralStatus).toBe(row.prap?.status ?? null);
    if (row.prap === null) expect(result.prapReferral).toBeNull();
  });
});

// ─── Journeys ──────────────────────────────────────────────────────────────────────────

describe("Universal Credit two-stage journey (Ch13)", () => {
  it("acknowledges the IA referral, books and records the assessment, accepts the strand referral, starts and completes (13.18–13.37)", () => {
    let s = uc("referred");
    expect(availableActions(s)).toEqual(["acknowledge", "reject"]);

    let result = check(s, "acknowledge");
    expect(allowed(result)).toMatchObject({ prapReferral: "initial_assessment", prapReferralStatus: "acknowledged", paragraph: "13.18" });
    s = after(s, result);

    result = check(s, "book_initial_assessment", { assessmentOn: "2017-04-24" });
    s = after(s, result);
    expect(s.state).toBe("assessment_booked");

    result = check(s, "record_assessment_recommended", {
      heldOn: "2017-04-24",
      strand: "sessb",
      anticipatedStartOn: "2017-05-02",
      anticipatedEndOn: "2017-08-01",
    });
    expect(allowed(result)).toMatchObject({ to: "recommended", prapReferral: null, paragraph: "13.19, 13.20, 13.21" });
    s = after(s, result);

    // Until the Work Coach's second referral arrives there is nothing to accept (13.26).
    expect(availableActions(s)).toEqual(["reject"]);
    s = { ...s, hasStrandReferral: true };
    expect(availableActions(s)).toEqual(["accept_strand_referral", "reject"]);

    result = check(s, "accept_strand_referral");
    expect(allowed(result)).toMatchObject({ to: "accepted", prapReferral: "strand", prapReferralStatus: "accepted" });
    s = after(s, result);
    expect(availableActions(s)).toEqual(["record_start", "cancel_did_not_start"]);

    result = check(s, "record_start", { startedOn: STARTED_ON });
    expect(allowed(result)).toMatchObject({ to: "started", prapReferral: "strand", prapReferralStatus: "started", flags: [] });
    s = after(s, result, { startedOn: STARTED_ON });
    expect(availableActions(s)).toEqual(["record_back_out_email", "record_completion", "record_early_leaving"]);

    result = check(s, "record_completion", { endedOn: TODAY });
    expect(allowed(result)).toMatchObject({ to: "completed", prapReferralStatus: "completed", paragraph: "13.37" });
    s = after(s, result);
    expect(availableActions(s)).toEqual([]);
  });

  it("records not suitable at the Initial Assessment with only the date the JCP SPoC was phoned (13.28–13.31)", () => {
    const result = check(uc("assessment_booked"), "record_assessment_not_suitable", {
      heldOn: "2017-04-24",
      fullyDiscussedWithClaimant: true,
      spocPhonedOn: "2017-04-24",
    });
    expect(allowed(result)).toMatchObject({ to: "not_suitable", paragraph: "13.22, 13.28–13.31", prapReferral: null });
  });

  it("keeps sensitive reasons off the form: the not-suitable input has no free-text field (13.31)", () => {
    expectTypeOf<LifecycleInputs["record_assessment_not_suitable"]>().toEqualTypeOf<{
      heldOn: IsoDate;
      fullyDiscussedWithClaimant: boolean;
      spocPhonedOn: IsoDate | null;
    }>();
  });

  it("refuses not suitable before the issue is discussed fully with the claimant (13.29–13.30)", () => {
    const result = refused(
      check(uc("assessment_booked"), "record_assessment_not_suitable", { heldOn: TODAY, fullyDiscussedWithClaimant: false, spocPhonedOn: TODAY }),
    );
    expect(result).toMatchObject({ code: "invalid_input", field: "fullyDiscussedWithClaimant" });
  });

  it("refuses not suitable until the JCP SPoC has been phoned (13.31)", () => {
    const result = refused(
      check(uc("assessment_booked"), "record_assessment_not_suitable", { heldOn: TODAY, fullyDiscussedWithClaimant: true, spocPhonedOn: null }),
    );
    expect(result).toMatchObject({ code: "invalid_input", field: "spocPhonedOn" });
    expect(result.message).toMatch(/phoned the JCP SPoC/);
  });

  it("refuses to accept the strand referral before it has arrived (13.26)", () => {
    const s = uc("recommended", { hasStrandReferral: false });
    expect(availableActions(s)).not.toContain("accept_strand_referral");
    expect(refused(check(s, "accept_strand_referral"))).toMatchObject({ code: "strand_referral_not_received", paragraph: "13.26" });
  });

  it("refuses “Accept the referral” on the IA referral: it is only acknowledged (13.18, 13.27)", () => {
    const result = refused(check(uc("acknowledged"), "accept_referral"));
    expect(result).toMatchObject({ code: "not_in_process", paragraph: "13.18, 13.27" });
    expect(result.message).toContain("Accept the strand referral");
  });

  it("refuses a start before the strand referral is accepted (13.26, 13.27)", () => {
    expect(refused(check(uc("recommended", { hasStrandReferral: true }), "record_start"))).toMatchObject({ code: "not_accepted" });
  });

  it("rejects the strand referral when it has arrived, else the IA referral, with the reason Other (13.33)", () => {
    expect(allowed(check(uc("recommended", { hasStrandReferral: true }), "reject"))).toMatchObject({
      prapReferral: "strand",
      prapReason: "other",
    });
    expect(allowed(check(uc("recommended", { hasStrandReferral: false }), "reject"))).toMatchObject({
      prapReferral: "initial_assessment",
      prapReason: "other",
    });
  });

  it("has no “customer no longer suitable” rejection in 2016: unsuitability is an Initial Assessment outcome (13.28–13.31, 13.33)", () => {
    const result = refused(
      check(uc("acknowledged"), "reject", {
        reason: "customer_no_longer_suitable",
        suitabilityReason: "no_longer_wishes",
        workCoachAgreed: true,
        workCoachContactedOn: TODAY,
        workCoachName: "Priya Shah",
        workCoachContactMethod: "telephone",
      }),
    );
    expect(result).toMatchObject({ code: "reason_not_in_ruleset", paragraph: "13.28–13.31, 13.33", field: "reason" });
  });

  it("validates the UC452 part 6 dates: anticipated end on or after anticipated start (13.21)", () => {
    const s = uc("assessment_booked");
    const base = { heldOn: "2017-04-24", strand: "sesmp" as const };
    expect(
      refused(check(s, "record_assessment_recommended", { ...base, anticipatedStartOn: "2017-05-02", anticipatedEndOn: "2017-05-01" })),
    ).toMatchObject({ code: "invalid_input", field: "anticipatedEndOn", paragraph: "13.19, 13.20, 13.21" });
    expect(
      refused(check(s, "record_assessment_recommended", { ...base, anticipatedStartOn: "2017-04-21", anticipatedEndOn: "2017-08-01" })),
    ).toMatchObject({ field: "anticipatedStartOn" });
    expect(allowed(check(s, "record_assessment_recommended", { ...base, anticipatedStartOn: "2017-05-02", anticipatedEndOn: "2017-05-02" })).to).toBe(
      "recommended",
    );
  });

  it("refuses an Initial Assessment held in the future or before the referral date (13.17)", () => {
    const s = uc("assessment_booked");
    const part6 = { strand: "sesmp" as const, anticipatedStartOn: "2017-06-01", anticipatedEndOn: "2017-09-01" };
    expect(refused(check(s, "record_assessment_recommended", { ...part6, heldOn: "2017-05-17" }))).toMatchObject({ field: "heldOn" });
    expect(refused(check(s, "record_assessment_recommended", { ...part6, heldOn: "2017-04-12" })).message).toContain(
      "the same as or after the referral date, Thursday 13 April 2017",
    );
  });

  it("lets an SRO-introduced claimant's assessment predate JCP's referral (13.45)", () => {
    const s = sro("acknowledged", "ses_2016_uc", { referralDate: "2017-05-10" });
    expect(
      allowed(
        check(s, "record_assessment_recommended", {
          heldOn: "2017-05-03",
          strand: "sesmp",
          anticipatedStartOn: "2017-05-22",
          anticipatedEndOn: "2017-11-20",
        }),
      ).to,
    ).toBe("recommended");
  });
});

describe("2017 single-referral journey (Ch3)", () => {
  it("accepts the SES P2 National referral, records the start, and the early leaving (3.06, 3.07, 3.16)", () => {
    let s = s17("referred");
    // Changed on purpose: the welcome call is a step now (3.07).
    expect(availableActions(s)).toEqual(["accept_referral", "record_welcome_call", "reject", "record_work_coach_disagreement"]);
    let result = check(s, "accept_referral");
    expect(allowed(result)).toMatchObject({ to: "accepted", prapReferral: "single", prapReferralStatus: "accepted", paragraph: "3.06, 3.11" });
    s = after(s, result);
    result = check(s, "record_start", { startedOn: TODAY });
    expect(allowed(result)).toMatchObject({ to: "started", flags: [], paragraph: "3.07" });
    s = after(s, result, { startedOn: TODAY });
    result = check(s, "record_early_leaving", { leftOn: TODAY, reasonCode: "found_work" });
    expect(allowed(result)).toMatchObject({ to: "left_early", prapReferralStatus: "left_early", paragraph: "3.16" });
  });

  it("has no acknowledgement, Initial Assessment or strand referral steps (3.06)", () => {
    const s = s17("referred");
    for (const action of ["acknowledge", "book_initial_assessment", "record_assessment_recommended", "accept_strand_referral"] as const) {
      expect(refused(check(s, action))).toMatchObject({ code: "not_in_process", paragraph: "3.06" });
    }
  });
});

describe("side exits: rejection (13.33, 3.08–3.13)", () => {
  it.each(["referred", "acknowledged", "assessment_booked"] as const)("rejects a 2016 referral made in error from %s with the reason Other (13.33)", (state) => {
    expect(allowed(check(uc(state), "reject", { reason: "other", errorDescription: "Referred to the wrong provider" }))).toMatchObject({
      to: "rejected",
      prapReferral: "initial_assessment",
      prapReferralStatus: "rejected",
      prapReason: "other",
      paragraph: "13.33",
    });
  });

  it("rejects a 2017 customer no longer suitable when the DEA or work coach agreed (3.08)", () => {
    const result = check(s17("referred"), "reject", {
      reason: "customer_no_longer_suitable",
      suitabilityReason: "no_longer_wishes",
      workCoachAgreed: true,
      workCoachContactedOn: TODAY,
      workCoachName: "Priya Shah",
      workCoachContactMethod: "telephone",
    });
    expect(allowed(result)).toMatchObject({ to: "rejected", prapReason: "customer_no_longer_suitable", flags: [], paragraph: "3.08–3.10, 3.13" });
  });

  it("refuses an unsuitable rejection without the work coach's agreement: the referral must be accepted (3.10)", () => {
    const s = s17("referred");
    const result = refused(
      check(s, "reject", {
        reason: "customer_no_longer_suitable",
        suitabilityReason: "circumstances_changed",
        workCoachAgreed: false,
        workCoachContactedOn: TODAY,
        workCoachName: "Priya Shah",
        workCoachContactMethod: "telephone",
      }),
    );
    // Changed on purpose: the refusal now points at the step that records the disagreement.
    expect(result).toEqual({
      ok: false,
      code: "work_coach_disagreed",
      message:
        "The DEA or Work Coach did not agree, so the provider must accept and keep the customer: use “Record that the DEA or Work Coach did not agree” to record their answer (3.10)",
      paragraph: "3.10",
      field: "workCoachAgreed",
    });
    // 3.11: the provider accepts the referral to continue.
    expect(availableActions(s)).toContain("accept_referral");
    expect(allowed(check(s, "accept_referral")).to).toBe("accepted");
  });

  // Changed on purpose: fewer attempts than the setting is refused, no longer only flagged.
  it("refuses “unable to contact” with fewer unsuccessful attempts than the setting, and allows it from the threshold (3.08)", () => {
    const reject = { reason: "customer_no_longer_suitable", suitabilityReason: "unable_to_contact", workCoachAgreed: true, ...WORK_COACH, workCoachContactedOn: TODAY } as const;
    const early = refused(check(s17("referred", { failedContactAttempts: 2 }), "reject", reject));
    expect(early).toMatchObject({ code: "too_few_contact_attempts", field: "suitabilityReason", paragraph: "3.08" });
    expect(early.message).toContain("needs at least 3 unsuccessful contact attempts since the customer was last reached, and 2 are recorded");
    expect(allowed(check(s17("referred", { failedContactAttempts: 3 }), "reject", reject)).flags).toEqual([]);
    const setting = { ...CONTEXT, unableToContactThreshold: 5 };
    expect(refused(check(s17("referred", { failedContactAttempts: 4 }), "reject", reject, setting)).code).toBe("too_few_contact_attempts");
    expect(allowed(check(s17("referred", { failedContactAttempts: 5 }), "reject", reject, setting)).to).toBe("rejected");
  });

  it("needs the DEA or Work Coach's name, the date and how they were contacted (3.08)", () => {
    const base = { reason: "customer_no_longer_suitable", suitabilityReason: "no_longer_wishes", workCoachAgreed: true, ...WORK_COACH } as const;
    expect(refused(check(s17("referred"), "reject", { ...base, workCoachName: " " })).field).toBe("workCoachName");
    expect(refused(check(s17("referred"), "reject", { ...base, workCoachContactedOn: "2017-05-17" })).field).toBe("workCoachContactedOn");
    expect(refused(check(s17("referred"), "reject", { ...base, workCoachContactMethod: "pigeon" as never })).field).toBe("workCoachContactMethod");
  });

  it("allows “Other” only for a referral made in error, with a one-line description (3.13, 13.33)", () => {
    expect(refused(check(s17("referred"), "reject", { reason: "other", errorDescription: "" })).field).toBe("errorDescription");
    expect(refused(check(uc("referred"), "reject", { reason: "other", errorDescription: "x".repeat(201) })).field).toBe("errorDescription");
  });

  it("gives a 2016 claimant who missed the Initial Assessment or withdrew an honest exit: rejected in PRaP with 'Other', the SPoC told (docs/decisions/0011-2016-no-show-and-withdrawal.md)", () => {
    for (const reason of ["did_not_attend_assessment", "withdrew"] as const) {
      expect(allowed(check(uc("assessment_booked"), "reject", { reason, spocInformedOn: TODAY }))).toMatchObject({ to: "rejected", prapReason: "other", paragraph: "13.33" });
    }
    expect(refused(check(uc("assessment_booked"), "reject", { reason: "withdrew", spocInformedOn: "2017-05-17" })).field).toBe("spocInformedOn");
    expect(refused(check(s17("referred"), "reject", { reason: "withdrew", spocInformedOn: TODAY })).code).toBe("reason_not_in_ruleset");
  });

  it("refuses to reject after acceptance: cancel with Did Not Start instead (13.34)", () => {
    expect(refused(check(uc("accepted"), "reject"))).toEqual({
      ok: false,
      code: "reject_after_acceptance",
      message: "A referral cannot be rejected once it has been accepted: cancel it with the reason Did Not Start instead (13.34)",
      paragraph: "13.34",
    });
    expect(refused(check(s17("accepted"), "reject"))).toMatchObject({ code: "reject_after_acceptance", paragraph: "3.14" });
  });

  it("refuses to reject a started referral: POST backs it out, then it is cancelled (13.35, 3.15)", () => {
    expect(refused(check(uc("started", { startedOn: STARTED_ON }), "reject"))).toMatchObject({ code: "reject_after_acceptance", paragraph: "13.35" });
    expect(refused(check(s17("started", { startedOn: STARTED_ON }), "reject"))).toMatchObject({ code: "reject_after_acceptance", paragraph: "3.15" });
  });
});

describe("side exits: cancellation with the reason Did Not Start (13.34–13.35, 3.14–3.15)", () => {
  it("cancels after acceptance and before the start (13.34, 3.14)", () => {
    expect(allowed(check(uc("accepted"), "cancel_did_not_start"))).toMatchObject({
      to: "cancelled",
      prapReferral: "strand",
      prapReferralStatus: "cancelled",
      prapReason: "did_not_start",
      paragraph: "13.34",
    });
    // Changed on purpose: the 2017 cancellation also rests on the safeguard (3.08–3.10).
    expect(allowed(check(s17("accepted"), "cancel_did_not_start"))).toMatchObject({ prapReferral: "single", paragraph: "3.14, 3.08–3.10" });
  });

  it.each(["referred", "acknowledged", "assessment_booked", "recommended"] as const)(
    "refuses to cancel before acceptance from %s: reject with Other instead (13.33)",
    (state) => {
      expect(refused(check(uc(state, { hasStrandReferral: true }), "cancel_did_not_start"))).toEqual({
        ok: false,
        code: "cancel_before_acceptance",
        message: "A referral cannot be cancelled before it has been accepted: reject it with the reason Other instead (13.33)",
        paragraph: "13.33",
      });
    },
  );

  it("refuses to cancel a 2017 referral before acceptance (3.13)", () => {
    expect(refused(check(s17("referred"), "cancel_did_not_start"))).toMatchObject({ code: "cancel_before_acceptance", paragraph: "3.13" });
    expect(refused(check(s17("referred"), "cancel_after_back_out"))).toMatchObject({ code: "cancel_before_acceptance" });
  });

  it.each(["cancel_did_not_start", "cancel_after_back_out"] as const)(
    "refuses %s on a started referral without POST's back-out (13.35)",
    (action) => {
      const s = uc("started", { startedOn: STARTED_ON });
      expect(availableActions(s)).not.toContain(action);
      const result = refused(check(s, action));
      expect(result).toMatchObject({ code: "cancel_started_without_back_out", paragraph: "13.35" });
      expect(result.message).toContain("after POST has backed it out");
    },
  );

  it("refuses a back-out on a referral that has not started: cancel it instead (13.34)", () => {
    expect(refused(check(uc("accepted"), "record_back_out_email"))).toMatchObject({ code: "no_back_out_needed", paragraph: "13.34" });
    expect(refused(check(uc("accepted"), "cancel_after_back_out"))).toMatchObject({ code: "no_back_out_needed" });
  });

  it("records POST's back-out email, then cancels within 24 hours without a flag (13.35)", () => {
    let s = uc("started", { startedOn: STARTED_ON });
    const result = check(s, "record_back_out_email", { receivedAt: BACK_OUT_EMAIL_AT });
    expect(allowed(result)).toMatchObject({ to: "backed_out", prapReferralStatus: "backed_out" });
    s = after(s, result, { backOutEmailAt: BACK_OUT_EMAIL_AT });
    expect(availableActions(s)).toEqual(["cancel_after_back_out"]);
    expect(allowed(check(s, "cancel_after_back_out"))).toMatchObject({ to: "cancelled", prapReason: "did_not_start", flags: [], warnings: [] });
  });

  it("allows a cancellation at exactly 24 hours without a flag (13.35)", () => {
    const s = uc("backed_out", { startedOn: STARTED_ON, backOutEmailAt: "2017-05-15T10:00:00Z" });
    expect(allowed(check(s, "cancel_after_back_out", {}, { today: TODAY, now: new Date("2017-05-16T10:00:00Z") })).flags).toEqual([]);
  });

  it("allows a cancellation more than 24 hours after POST's email, flagged late (13.35, 3.15)", () => {
    const s = uc("backed_out", { startedOn: STARTED_ON, backOutEmailAt: "2017-05-15T08:45:00Z" });
    const result = allowed(check(s, "cancel_after_back_out"));
    expect(result).toMatchObject({ to: "cancelled", prapReason: "did_not_start", flags: ["late"] });
    expect(result.warnings).toEqual([
      "This cancellation is 2 hours late: the 24 hours after POST’s email ran out at 9:45am on Tuesday 16 May 2017 (UK time) (13.35)",
    ]);
    const s2017 = s17("backed_out", { startedOn: STARTED_ON, backOutEmailAt: "2017-05-13T08:45:00Z" });
    expect(allowed(check(s2017, "cancel_after_back_out")).flags).toEqual(["late"]);
  });

  it("refuses to cancel a backed-out referral whose email time is not recorded, and does not offer it (13.35)", () => {
    const s = uc("backed_out", { startedOn: STARTED_ON, backOutEmailAt: null });
    expect(availableActions(s)).toEqual([]);
    expect(refused(check(s, "cancel_after_back_out"))).toMatchObject({ code: "back_out_email_missing" });
  });

  it("refuses a back-out email in the future, or before the start date (13.35)", () => {
    const s = uc("started", { startedOn: STARTED_ON });
    expect(refused(check(s, "record_back_out_email", { receivedAt: "2017-05-16T10:00:01Z" }))).toMatchObject({ field: "receivedAt" });
    expect(refused(check(s, "record_back_out_email", { receivedAt: "2017-05-01T12:00:00+01:00" }))).toMatchObject({ field: "receivedAt" });
    expect(refused(check(s, "record_back_out_email", { receivedAt: "2017-05-16 09:00" }))).toMatchObject({ field: "receivedAt" });
  });

  it("allows only the cancellation on a backed-out referral (13.35)", () => {
    const s = uc("backed_out", { startedOn: STARTED_ON, backOutEmailAt: BACK_OUT_EMAIL_AT });
    for (const action of ["record_completion", "record_early_leaving", "cancel_did_not_start", "reject"] as const) {
      expect(refused(check(s, action))).toMatchObject({ code: "backed_out_cancel_only", paragraph: "13.35" });
    }
  });
});

describe("start, completion and early leaving (13.13, 13.36, 13.37, 3.07, 3.16)", () => {
  it("refuses a start date in the future (13.13)", () => {
    const result = refused(check(uc("accepted"), "record_start", { startedOn: "2017-05-17" }));
    expect(result).toMatchObject({ code: "invalid_input", field: "startedOn", paragraph: "13.13" });
    expect(result.message).toBe("The start date must be today or in the past: record it on the day the participant starts, or later (13.13)");
  });

  it("refuses a start date before the referral date (13.13)", () => {
    expect(refused(check(uc("accepted"), "record_start", { startedOn: "2017-04-12" })).message).toBe(
      "The start date must be the same as or after the referral date, Thursday 13 April 2017 (13.13)",
    );
  });

  it.each([
    ["record_completion", { endedOn: "2017-05-01" }, "endedOn"],
    ["record_early_leaving", { leftOn: "2017-05-01", reasonCode: "health" }, "leftOn"],
  ] as const)("refuses %s with an end date before the start date (13.36, 13.37)", (action, input, field) => {
    const result = refused(check(uc("started", { startedOn: STARTED_ON }), action, input));
    expect(result).toMatchObject({ code: "invalid_input", field });
    expect(result.message).toContain("the same as or after the start date, Tuesday 2 May 2017");
  });

  it("accepts an end date on the start date itself (13.37)", () => {
    expect(allowed(check(uc("started", { startedOn: STARTED_ON }), "record_completion", { endedOn: STARTED_ON })).to).toBe("completed");
  });

  it("refuses an end date in the future (13.37)", () => {
    expect(refused(check(uc("started", { startedOn: STARTED_ON }), "record_completion", { endedOn: "2017-05-17" }))).toMatchObject({
      field: "endedOn",
    });
  });

  it("refuses early leaving without a reason (13.36, 3.16)", () => {
    expect(refused(check(uc("started", { startedOn: STARTED_ON }), "record_early_leaving", { leftOn: TODAY, reasonCode: " " }))).toMatchObject({
      field: "reasonCode",
      paragraph: "13.36",
    });
    expect(refused(check(s17("started", { startedOn: STARTED_ON }), "record_early_leaving", { leftOn: TODAY, reasonCode: "" }))).toMatchObject({
      paragraph: "3.16",
    });
  });

  it("refuses completion before the start in 2016: record the start date first (13.13)", () => {
    expect(refused(check(uc("accepted"), "record_completion"))).toMatchObject({ code: "not_started", paragraph: "13.13" });
  });
});

describe("2017: no work with the customer before the start date is recorded (3.07)", () => {
  // What 3.07 forbids, as decided in lib/domain/lifecycle/check-transition.ts (customerWorkRefusal):
  // nothing that ends or continues provision (completion, early leaving, any provision work) may be
  // recorded before the start; the start is recorded when it happens (not in the future); a start
  // date before today is allowed but flagged, because work may have preceded it. Arranging the start
  // (welcome call, contact attempts, notes, forms) and the PRaP side exits stay allowed.
  it.each(["referred", "accepted"] as const)("refuses completion and early leaving while %s (3.07)", (state) => {
    for (const action of ["record_completion", "record_early_leaving"] as const) {
      const result = refused(check(s17(state), action));
      expect(result).toMatchObject({ code: "not_started", paragraph: "3.07" });
      expect(result.message).toContain("start date must be entered in PRaP before any work with them");
    }
  });

  it("offers only the welcome call, the start or a cancellation once accepted (3.07, 3.14)", () => {
    expect(availableActions(s17("accepted"))).toEqual(["record_welcome_call", "record_work_coach_disagreement", "record_start", "cancel_did_not_start"]);
    expect(availableActions(s17("accepted", { welcomeCallOn: TODAY }))).toEqual(["record_work_coach_disagreement", "record_start", "cancel_did_not_start"]);
  });

  it("refuses a start date in the future: it is recorded when the customer starts (3.07)", () => {
    expect(refused(check(s17("accepted"), "record_start", { startedOn: "2017-05-17" })).message).toBe(
      "The start date must be today or in the past: record it on the day the customer starts, or later (3.07)",
    );
  });

  it("flags a start date recorded after the day it happened (3.07)", () => {
    const result = allowed(check(s17("accepted"), "record_start", { startedOn: "2017-05-15" }));
    expect(result.flags).toEqual(["start_recorded_after_start_date"]);
    expect(result.warnings[0]).toMatch(/Monday 15 May 2017, is before today.*\(3\.07\)$/);
    // Ch13 has no such rule (13.13).
    expect(allowed(check(uc("accepted"), "record_start", { startedOn: "2017-05-15" })).flags).toEqual([]);
  });

  it("refuses provision work before the start date is recorded, and allows it after (3.07)", () => {
    expect(customerWorkRefusal(s17("referred"))).toMatchObject({ ok: false, code: "not_started", paragraph: "3.07" });
    expect(customerWorkRefusal(s17("accepted"))).toMatchObject({ paragraph: "3.07" });
    expect(customerWorkRefusal(sro("referred", "ses_2017"))).toMatchObject({ paragraph: "3.07" });
    expect(customerWorkRefusal(s17("started", { startedOn: STARTED_ON }))).toBeNull();
    expect(customerWorkRefusal(uc("accepted"))).toBeNull();
    expect(customerWorkRefusal(scr("referred", "ses_2017"))).toBeNull();
  });
});

describe("clerical SL2 referrals for Special Customer Records (13.52–13.57, 13.74, 3.30–3.31, 3.40)", () => {
  it.each([...PRAP_ACTIONS])("refuses %s: there is no PRaP referral (13.53, 13.74)", (action) => {
    for (const state of ["referred", "assessment_booked", "recommended", "started"] as const) {
      const s = scr(state, "ses_2016_uc", { startedOn: state === "started" ? STARTED_ON : null });
      expect(availableActions(s)).not.toContain(action);
      expect(refused(check(s, action))).toMatchObject({ code: "clerical_no_prap", paragraph: "13.53, 13.74" });
    }
    expect(refused(check(scr("referred", "ses_2017"), action))).toMatchObject({ code: "clerical_no_prap", paragraph: "3.31, 3.40" });
  });

  it("starts at initial engagement, with or without a recorded assessment (13.74, 3.40)", () => {
    expect(availableActions(scr("referred", "ses_2016_uc"))).toEqual([
      "book_initial_assessment",
      "record_assessment_recommended",
      "record_assessment_not_suitable",
      "record_start",
      // Changed on purpose: a nominated officer can close a case that never starts
      "close_scr_not_engaged",
    ]);
    expect(allowed(check(scr("referred", "ses_2016_uc"), "record_start", { startedOn: STARTED_ON }))).toMatchObject({
      to: "started",
      prapReferral: null,
      prapReferralStatus: null,
      paragraph: "13.74",
    });
    expect(allowed(check(scr("recommended", "ses_2017"), "record_start", { startedOn: STARTED_ON })).paragraph).toBe("3.40");
  });

  it("needs no SPoC call for a clerical not-suitable: the JCP nominated officer gets the returned form (13.56)", () => {
    expect(
      allowed(check(scr("assessment_booked", "ses_2016_uc"), "record_assessment_not_suitable", { heldOn: TODAY, fullyDiscussedWithClaimant: true, spocPhonedOn: null })).to,
    ).toBe("not_suitable");
  });

  it("treats a case with SCR status as clerical whatever route it arrived by (13.52, 3.30)", () => {
    const s = snapshot({ route: "prap_two_stage", restrictionTier: "scr", state: "referred" });
    expect(lifecycleRouteOf(s)).toBe("scr_clerical");
    expect(refused(check(s, "acknowledge"))).toMatchObject({ code: "clerical_no_prap" });
  });

  it("gives MAPPA cases (not SCR) the same PRaP actions as any other (13.60, 3.32)", () => {
    for (const state of CASE_STATES) {
      const facts = { hasStrandReferral: true, startedOn: STARTED_ON, backOutEmailAt: BACK_OUT_EMAIL_AT };
      expect(availableActions(uc(state, { ...facts, restrictionTier: "mappa" }))).toEqual(availableActions(uc(state, facts)));
      expect(availableActions(s17(state, { ...facts, restrictionTier: "mappa" }))).toEqual(availableActions(s17(state, facts)));
    }
  });
});

describe("SRO introductions (13.40–13.51, 3.19–3.29)", () => {
  it("offers the SESSRO1 outcomes while introduced (13.44, 13.47, 13.51)", () => {
    expect(availableActions(sro("introduced", "ses_2017"))).toEqual(["accept_introduction", "record_not_eligible", "record_provision_full"]);
  });

  // Changed on purpose: the administrator's capacity is a check, not a precondition, so
  // "provision full" against a capacity with places free is recorded with a warning, not refused.
  it("records provision full even when the recorded capacity has places, warning and flagging it (13.47, 3.25)", () => {
    const s = sro("introduced", "ses_2016_uc", { provisionFull: false });
    expect(availableActions(s)).toContain("record_provision_full");
    const result = allowed(check(s, "record_provision_full", { metOn: TODAY, reason: "Both advisers on long-term leave" }));
    expect(result.flags).toEqual(["capacity_shows_places_free"]);
    expect(result.warnings[0]).toContain("places free");
    expect(allowed(check(sro("introduced", "ses_2016_uc"), "record_provision_full", { metOn: TODAY, reason: "Full" })).flags).toEqual([]);
  });

  it("records provision full only with the reason (13.47, 3.25)", () => {
    expect(refused(check(sro("introduced", "ses_2017"), "record_provision_full", { metOn: TODAY, reason: " " }))).toMatchObject({ code: "invalid_input", field: "provisionFullReason" });
  });

  it("refuses an acceptance when the site's capacity says the provision is full, offering provision full (13.47, 3.25)", () => {
    const s = sro("introduced", "ses_2017", { provisionFull: true });
    expect(refused(check(s, "accept_introduction"))).toMatchObject({ code: "provision_full", paragraph: "3.25", field: "outcome" });
    expect(availableActions(s)).toEqual(["record_not_eligible", "record_provision_full"]);
  });

  it("records not eligible only with a SESSRO1 Part 4 reason (13.51, 3.29)", () => {
    expect(refused(check(sro("introduced", "ses_2017"), "record_not_eligible", { metOn: TODAY, reasonCode: "" }))).toMatchObject({
      field: "reasonCode",
      paragraph: "3.29",
    });
  });

  it("refuses PRaP steps before JCP's referral: the person is introduced, not referred (13.44, 13.49)", () => {
    expect(refused(check(sro("introduced", "ses_2016_uc"), "acknowledge"))).toMatchObject({
      code: "introduction_not_referral",
      paragraph: "13.44, 13.49",
    });
    expect(refused(check(sro("introduction_accepted", "ses_2017"), "accept_referral"))).toMatchObject({
      code: "introduction_not_referral",
      paragraph: "3.27",
    });
  });

  // Changed on purpose: a 2016 introduction's JCP referral is to both
  // the Initial Assessment and the strand (13.49), so the case goes straight to "recommended" with
  // its strand referral received, skipping the duplicate IA steps; 2017 attaches the single referral.
  it.each([
    ["ses_2016_uc", "prap_two_stage", "recommended", "13.49"],
    ["ses_2017", "prap_single", "referred", "3.27"],
  ] as const)("follows the %s PRaP process once JCP's referral arrives (13.49, 3.27)", (ruleset, route, state, paragraph) => {
    let s = sro("introduction_accepted", ruleset);
    expect(availableActions(s)).toEqual(["record_jcp_referral"]);
    const result = allowed(check(s, "record_jcp_referral", { referralDate: TODAY }));
    expect(result.paragraph).toBe(paragraph);
    s = after(s, result, { referralDate: TODAY, hasStrandReferral: route === "prap_two_stage" });
    expect(s.state).toBe(state);
    expect(lifecycleRouteOf(s)).toBe(route);
    if (route === "prap_two_stage") {
      expect(availableActions(s)).toContain("accept_strand_referral");
      for (const repeated of ["acknowledge", "book_initial_assessment", "record_assessment_recommended"] as const) expect(availableActions(s)).not.toContain(repeated);
    } else {
      expect(availableActions(s)).toEqual(["accept_referral", "record_welcome_call", "reject", "record_work_coach_disagreement"]);
    }
  });
});

describe("nothing happens out of a terminal state", () => {
  const TERMINAL_CASES = [...CLOSED_STATES].flatMap((state) =>
    ROUTES.flatMap((route) =>
      RULESETS.map((ruleset) => ({ state, route, ruleset })),
    ),
  );

  it.each(TERMINAL_CASES)("refuses every action from $state ($route, $ruleset)", ({ state, route, ruleset }) => {
    const s = snapshot({ route, ruleset, state, restrictionTier: route === "scr_clerical" ? "scr" : "none", startedOn: STARTED_ON, hasStrandReferral: true, backOutEmailAt: BACK_OUT_EMAIL_AT });
    expect(availableActions(s)).toEqual([]);
    for (const action of LIFECYCLE_ACTIONS) {
      const result = refused(check(s, action));
      expect(result.code).toBe("closed");
      expect(result.message).toMatch(/^This case is closed: .*amend with reason/);
    }
  });

  it("explains why, citing the closing paragraph", () => {
    expect(refused(check(uc("completed"), "record_start")).message).toBe(
      "This case is closed: the participant completed the provision (13.37). Nothing more can be recorded on it; an administrator can correct a mistake with “amend with reason”.",
    );
    expect(refused(check(s17("left_early"), "accept_referral"))).toMatchObject({ paragraph: "3.16, 3.18" });
  });
});

describe("unable to contact (3.08)", () => {
  it("prompts the unable-to-contact path at the 3rd unsuccessful attempt (3.08)", () => {
    expect([0, 1, 2, 3, 4].map((attempts) => unableToContactPrompt(attempts))).toEqual([false, false, false, true, true]);
  });

  it("uses the administrator's threshold setting (docs/rules/decisions.md)", () => {
    expect(unableToContactPrompt(3, 4)).toBe(false);
    expect(unableToContactPrompt(4, 4)).toBe(true);
    expect(() => unableToContactPrompt(-1)).toThrow(RangeError);
    expect(() => unableToContactPrompt(2.5)).toThrow(RangeError);
    expect(() => unableToContactPrompt(1, 0)).toThrow(RangeError);
  });

  it("counts unsuccessful attempts since the person was last reached (3.08)", () => {
    expect(failedAttemptsSinceLastContact([])).toBe(0);
    expect(failedAttemptsSinceLastContact(["no_answer", "message_left", "wrong_number"])).toBe(3);
    expect(failedAttemptsSinceLastContact(["no_answer", "no_answer", "successful", "no_answer"])).toBe(1);
    expect(failedAttemptsSinceLastContact(["no_answer", "declined"])).toBe(0);
  });
});

describe("the transition table", () => {
  const CHAPTER_13 = /^13\.\d{2}(–13\.\d{2})?$/;
  const CHAPTER_3 = /^3\.\d{2}(–3\.\d{2})?$/;

  it("has unique ids, and at most one row per route, ruleset, action and state (deterministic)", () => {
    expect(new Set(TRANSITION_TABLE.map((row) => row.id)).size).toBe(TRANSITION_TABLE.length);
    const seen = new Set<string>();
    for (const row of TRANSITION_TABLE) {
      for (const route of row.routes)
        for (const ruleset of row.rulesets)
          for (const from of row.from) {
            const key = `${route}/${ruleset}/${row.action}/${from}`;
            expect(seen.has(key), key).toBe(false);
            seen.add(key);
          }
    }
  });

  // Changed on purpose: the welcome call (3.07) is a step that records an event and
  // leaves the state alone, and so is recording that the DEA/Work Coach did not agree (3.10).
  it("never leaves a closed state and never loops back to the same state, except the welcome call and the DEA's disagreement (3.07, 3.10)", () => {
    for (const row of TRANSITION_TABLE) {
      for (const from of row.from) {
        expect(CLOSED_STATES.has(from), row.id).toBe(false);
        if (row.action !== "record_welcome_call" && row.action !== "record_work_coach_disagreement") expect(from, row.id).not.toBe(row.to);
      }
    }
  });

  it("cites real paragraph numbers, in the chapter of each ruleset it serves", () => {
    for (const row of TRANSITION_TABLE) {
      expect(row.paragraphs.length, row.id).toBeGreaterThan(0);
      for (const paragraph of row.paragraphs) expect(CHAPTER_13.test(paragraph) || CHAPTER_3.test(paragraph), `${row.id} ${paragraph}`).toBe(true);
      if (row.rulesets.some((ruleset) => ruleset !== "ses_2017")) expect(row.paragraphs.some((p) => CHAPTER_13.test(p)), row.id).toBe(true);
      if (row.rulesets.includes("ses_2017")) expect(row.paragraphs.some((p) => CHAPTER_3.test(p)), row.id).toBe(true);
    }
  });

  it("uses every action, labels each, keeps PRaP actions off clerical rows and SESSRO1 steps on the SRO route", () => {
    expect(new Set(TRANSITION_TABLE.map((row) => row.action))).toEqual(new Set(LIFECYCLE_ACTIONS));
    for (const action of LIFECYCLE_ACTIONS) expect(ACTION_LABELS[action]).toMatch(/^[A-Z]/);
    for (const row of TRANSITION_TABLE) {
      if (row.routes.includes("scr_clerical")) {
        expect(PRAP_ACTIONS.has(row.action), row.id).toBe(false);
        expect(row.prap, row.id).toBeNull();
      }
      expect(INTRODUCTION_ACTIONS.has(row.action), row.id).toBe(row.routes.includes("sro_introduction"));
    }
  });

  it("reaches every case state from an arrival state", () => {
    const reached = new Set<CaseState>();
    for (const route of ROUTES)
      for (const ruleset of RULESETS) {
        const start: CaseState = route === "sro_introduction" ? "introduced" : "referred";
        const queue: CaseState[] = [start];
        const seen = new Set<CaseState>(queue);
        while (queue.length > 0) {
          const state = queue.shift() as CaseState;
          const s = snapshot({
            route,
            ruleset,
            state,
            restrictionTier: route === "scr_clerical" ? "scr" : "none",
            hasStrandReferral: true,
            startedOn: STARTED_ON,
            backOutEmailAt: BACK_OUT_EMAIL_AT,
          });
          for (const row of availableTransitions(s)) {
            if (!seen.has(row.to)) {
              seen.add(row.to);
              queue.push(row.to);
            }
          }
        }
        for (const state of seen) reached.add(state);
      }
    expect([...reached].sort()).toEqual([...CASE_STATES].sort());
  });
});

describe("availableActions and checkTransition agree (property)", () => {
  const dateUpTo = (latest: IsoDate, maxDaysBack: number) =>
    fc.integer({ min: 0, max: maxDaysBack }).map((back) => addDays(latest, -back));

  const arbitrarySnapshot: fc.Arbitrary<LifecycleSnapshot> = fc
    .record({
      route: fc.constantFrom(...ROUTES),
      ruleset: fc.constantFrom(...RULESETS),
      state: fc.constantFrom(...CASE_STATES),
      restrictionTier: fc.constantFrom(...TIERS),
      referralDate: fc.option(dateUpTo(TODAY, 120), { nil: null }),
      startedBack: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      backOutHoursAgo: fc.option(fc.integer({ min: 0, max: 96 }), { nil: null }),
      hasStrandReferral: fc.boolean(),
      provisionFull: fc.option(fc.boolean(), { nil: null }),
      failedContactAttempts: fc.integer({ min: 0, max: 6 }),
    })
    .map(({ startedBack, backOutHoursAgo, referralDate, ...rest }) => {
      // Facts are internally consistent (start on or after the referral, nothing after today),
      // though not necessarily consistent with the state: the guards must cope with both.
      const startedOn = startedBack === null ? null : addDays(TODAY, -startedBack);
      return {
        ...rest,
        referralDate: referralDate !== null && startedOn !== null && referralDate > startedOn ? startedOn : referralDate,
        startedOn,
        backOutEmailAt: backOutHoursAgo === null ? null : new Date(NOW.getTime() - backOutHoursAgo * 3_600_000).toISOString(),
      };
    });

  it("allows every offered action (with a valid input), and refuses every other one with a cited paragraph", () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (s) => {
        const offered = availableActions(s);
        for (const action of LIFECYCLE_ACTIONS) {
          const result = check(s, action);
          if (offered.includes(action)) {
            expect(result.ok, `${action} offered but refused: ${result.ok ? "" : result.message}`).toBe(true);
          } else {
            expect(result.ok, `${action} not offered but allowed from ${s.state}`).toBe(false);
            if (!result.ok) {
              expect(result.paragraph).toMatch(/^\d{1,2}\.\d{2}/);
              expect(result.message).toContain(`(${result.paragraph})`);
            }
          }
        }
      }),
      { numRuns: 3000 },
    );
    // 3,000 runs take about a second alone; allow for a busy shared machine.
  }, 60_000);

  it("never offers anything from a closed state, nor a PRaP action on a clerical case", () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (s) => {
        const offered = availableActions(s);
        if (CLOSED_STATES.has(s.state)) expect(offered).toEqual([]);
        if (lifecycleRouteOf(s) === "scr_clerical") expect(offered.filter((action) => PRAP_ACTIONS.has(action))).toEqual([]);
        for (const action of offered) {
          const result = allowed(check(s, action));
          expect(CLOSED_STATES.has(result.from)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});

describe("robustness", () => {
  it("refuses an unknown action name from a form", () => {
    const result = checkTransition(uc("referred"), "delete_everything" as LifecycleAction, {} as never, CONTEXT);
    expect(refused(result).code).toBe("unknown_action");
  });

  it("refuses dates that are not real dates, naming the field", () => {
    expect(refused(check(uc("accepted"), "record_start", { startedOn: "2017-02-30" }))).toMatchObject({
      code: "invalid_input",
      field: "startedOn",
      message: "The start date must be a real date (13.13)",
    });
  });

  it("throws on a context without a valid today or now (a programming error, not a user error)", () => {
    expect(() => checkTransition(uc("referred"), "acknowledge", {}, { today: "16/05/2017", now: NOW })).toThrow(TypeError);
    expect(() => checkTransition(uc("referred"), "acknowledge", {}, { today: TODAY, now: new Date(Number.NaN) })).toThrow(TypeError);
  });
});

// ─── The welcome call (3.07), a step that records an event and leaves the state alone ───

describe("the welcome call (3.07)", () => {
  const call = (overrides: Partial<LifecycleInputs["record_welcome_call"]> = {}): LifecycleInputs["record_welcome_call"] => ({
    ...validInput("record_welcome_call"),
    ...overrides,
  });

  it("is recorded on a 2017 case before or after acceptance, leaving the state as it was (3.07)", () => {
    for (const state of ["referred", "accepted"] as const) {
      const result = allowed(check(s17(state), "record_welcome_call", call()));
      expect(result).toMatchObject({ from: state, to: state, paragraph: "3.07", prapReferral: null });
    }
  });

  it("is recorded once: not offered again once the call is on the case (3.07)", () => {
    const s = s17("accepted", { welcomeCallOn: REFERRAL_DATE });
    expect(availableActions(s)).not.toContain("record_welcome_call");
    expect(refused(check(s, "record_welcome_call", call())).message).toContain("already recorded");
  });

  it("is not part of the 2016 process, nor of a clerical SCR case (3.07, 3.31, 3.40)", () => {
    expect(availableActions(uc("referred"))).not.toContain("record_welcome_call");
    expect(refused(check(uc("referred"), "record_welcome_call", call())).code).toBe("not_in_process");
    expect(availableActions(scr("referred", "ses_2017"))).not.toContain("record_welcome_call");
    expect(check(scr("referred", "ses_2017"), "record_welcome_call", call()).ok).toBe(false);
  });

  it("refuses a call after the customer started: the call arranges the first day, so it was missed (3.07)", () => {
    const result = refused(check(s17("started", { startedOn: STARTED_ON }), "record_welcome_call", call()));
    expect(result.message).toContain("was missed");
  });

  it("needs the first day when the call arranged it, and not before the call (3.07)", () => {
    expect(refused(check(s17("referred"), "record_welcome_call", call({ firstDayOn: null }))).field).toBe("firstDayOn");
    expect(refused(check(s17("referred"), "record_welcome_call", call({ calledOn: TODAY, firstDayOn: addDays(TODAY, -1) }))).field).toBe("firstDayOn");
    expect(allowed(check(s17("referred"), "record_welcome_call", call({ outcome: "first_day_not_arranged", firstDayOn: null }))).to).toBe("referred");
  });

  it("refuses a call dated in the future or before the referral (3.07)", () => {
    expect(refused(check(s17("referred"), "record_welcome_call", call({ calledOn: addDays(TODAY, 1) }))).field).toBe("calledOn");
    expect(refused(check(s17("referred"), "record_welcome_call", call({ calledOn: addDays(REFERRAL_DATE, -1), firstDayOn: TODAY }))).field).toBe("calledOn");
  });
});

// ─── The DEA/Work Coach safeguard after acceptance (3.08–3.10, 3.14; 13.34) ─────────────

describe("“Cancel – Did Not Start” needs a reason, and unsuitability the DEA/Work Coach's agreement (3.08–3.10, 3.14)", () => {
  const unsuitable = { reason: "customer_no_longer_suitable", suitabilityReason: "circumstances_changed", workCoachAgreed: true, ...WORK_COACH } as const;

  it("cancels a 2017 customer who is no longer suitable once the DEA or Work Coach agreed, PRaP reason Did Not Start (3.08, 3.14)", () => {
    expect(allowed(check(s17("accepted"), "cancel_did_not_start", unsuitable))).toMatchObject({ to: "cancelled", prapReason: "did_not_start" });
  });

  it("refuses it when the DEA or Work Coach did not agree: the customer is kept (3.10)", () => {
    const result = refused(check(s17("accepted"), "cancel_did_not_start", { ...unsuitable, workCoachAgreed: false }));
    expect(result).toMatchObject({ code: "work_coach_disagreed", paragraph: "3.10" });
    expect(availableActions(s17("accepted"))).toContain("record_work_coach_disagreement");
    expect(allowed(check(s17("accepted"), "record_work_coach_disagreement")).to).toBe("accepted");
  });

  it("refuses a cancellation without a reason, or “Other” without the error described (3.14, 13.34)", () => {
    expect(refused(check(s17("accepted"), "cancel_did_not_start", {} as never)).field).toBe("reason");
    expect(refused(check(uc("accepted"), "cancel_did_not_start", { reason: "other", errorDescription: " " })).field).toBe("errorDescription");
  });

  it("refuses “unable to contact” after acceptance below the attempts threshold too (3.08)", () => {
    const result = refused(check(s17("accepted", { failedContactAttempts: 1 }), "cancel_did_not_start", { ...unsuitable, suitabilityReason: "unable_to_contact" }));
    expect(result.code).toBe("too_few_contact_attempts");
  });

  it("lets a 2016 participant who did not attend the start or withdrew be cancelled honestly; no 3.08 reasons in 2016 (13.34, docs/decisions/0011-2016-no-show-and-withdrawal.md)", () => {
    expect(allowed(check(uc("accepted"), "cancel_did_not_start", { reason: "did_not_attend" }))).toMatchObject({ to: "cancelled", prapReason: "did_not_start" });
    expect(refused(check(uc("accepted"), "cancel_did_not_start", unsuitable)).code).toBe("reason_not_in_ruleset");
    expect(refused(check(s17("accepted"), "cancel_did_not_start", { reason: "withdrew" })).code).toBe("reason_not_in_ruleset");
  });

  it("records the DEA or Work Coach's disagreement only on a 2017 case, with who, when and how (3.10)", () => {
    expect(refused(check(uc("accepted"), "record_work_coach_disagreement")).code).toBe("not_in_process");
    expect(refused(check(s17("referred"), "record_work_coach_disagreement", { suitabilityReason: "no_longer_wishes", ...WORK_COACH, workCoachName: "" })).field).toBe("workCoachName");
  });
});

describe("the “unable to contact” prompt appears only where that route is allowed (3.08)", () => {
  const on = (ruleset: Ruleset, state: CaseState, route: CaseRoute = ruleset === "ses_2017" ? "prap_single" : "prap_two_stage", restrictionTier: RestrictionTier = "none") => ({
    ruleset,
    state,
    route,
    restrictionTier,
  });

  it("prompts a 2017 referral not yet started, from the administrator's threshold", () => {
    expect(unableToContactPromptFor(on("ses_2017", "referred"), 3, 3)).toBe(true);
    expect(unableToContactPromptFor(on("ses_2017", "accepted"), 4, 5)).toBe(false);
    expect(unableToContactPromptFor(on("ses_2017", "accepted"), 5, 5)).toBe(true);
  });

  it("never prompts a 2016 case, a started or closed case, or an SCR case", () => {
    expect(unableToContactPromptFor(on("ses_2016_uc", "acknowledged"), 9, 3)).toBe(false);
    expect(unableToContactPromptFor(on("ses_2017", "started"), 9, 3)).toBe(false);
    expect(unableToContactPromptFor(on("ses_2017", "rejected"), 9, 3)).toBe(false);
    expect(unableToContactPromptFor(on("ses_2017", "referred", "scr_clerical", "scr"), 9, 3)).toBe(false);
  });
});
