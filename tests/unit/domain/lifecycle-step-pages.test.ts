import { describe, expect, it } from "vitest";
import { stepPage, LIFECYCLE_FORM_ACTIONS } from "@/lib/domain/forms/lifecycle-forms";
import type { LifecycleSnapshot } from "@/lib/domain/lifecycle/snapshot";
import type { PageContext } from "@/lib/domain/lifecycle/step";
import { askedQuestions, type StepForm } from "@/lib/domain/lifecycle/step-form";
import { checkAnswerRows, checkAnswersCopy, confirmationFor, mayTakeLifecycleSteps, whatToDoNext, whatToDoNextLinks } from "@/lib/domain/lifecycle/step-pages";
import { LIFECYCLE_STEPS } from "@/lib/domain/lifecycle/steps";
import { can, ROLES } from "@/lib/domain/permissions";

const REASONS = [
  { code: "found_work", label: "Found work" },
  { code: "health", label: "Health reasons" },
];
const UC: PageContext = { ruleset: "ses_2016_uc", earlyLeavingReasons: REASONS };
const S17: PageContext = { ruleset: "ses_2017", earlyLeavingReasons: REASONS };

/** A UC two-stage case referred on Thursday 13 April 2017, with nothing else recorded. */
const UC_REFERRED: LifecycleSnapshot = {
  route: "prap_two_stage", ruleset: "ses_2016_uc", state: "referred", restrictionTier: "none", referralDate: "2017-04-13",
  startedOn: null, backOutEmailAt: null, hasStrandReferral: false, provisionFull: null, failedContactAttempts: 0,
};
const snapshot = (overrides: Partial<LifecycleSnapshot>): LifecycleSnapshot => ({ ...UC_REFERRED, ...overrides });

const questionsOf = (action: (typeof LIFECYCLE_FORM_ACTIONS)[number], context: PageContext) =>
  askedQuestions(stepPage(action).form as StepForm<unknown>, context);

describe("check-your-answers rows (the presenter behind an irreversible step's page)", () => {
  it("starts with the step, then each answer with what its Change link changes", () => {
    expect(checkAnswerRows("record_completion", { endedOn: "2017-05-16" }, UC)).toEqual([
      { key: "Step", value: "Record completion" },
      { key: "Actual end date", value: "Tuesday 16 May 2017", change: "actual end date" },
    ]);
  });

  it("names the early-leaving reason from the administrator's list, or shows its code when it is not there (13.36, 3.16)", () => {
    expect(checkAnswerRows("record_early_leaving", { leftOn: "2017-05-16", reasonCode: "found_work" }, S17)).toEqual([
      { key: "Step", value: "Record early leaving" },
      { key: "Date they left", value: "Tuesday 16 May 2017", change: "date they left" },
      { key: "Reason", value: "Found work", change: "reason" },
    ]);
    expect(checkAnswerRows("record_early_leaving", { leftOn: "2017-05-16", reasonCode: "moved_away" }, S17)[2].value).toBe("moved_away");
  });

  it("shows a not-suitable outcome's discussion and a SPoC call left blank (13.28–13.31, 13.56)", () => {
    expect(checkAnswerRows("record_assessment_not_suitable", { heldOn: "2017-05-02", fullyDiscussedWithClaimant: true, spocPhonedOn: null }, UC).slice(1)).toEqual([
      { key: "Date of the Initial Assessment", value: "Tuesday 2 May 2017", change: "date of the Initial Assessment" },
      { key: "Discussed fully and agreed", value: "Yes", change: "discussion" },
      { key: "JCP SPoC phoned", value: "Not given", change: "date you phoned the JCP SPoC" },
    ]);
  });

  // Changed on purpose: "Other" carries the error's description; the DEA or Work Coach's
  // agreement records who, when and how (3.08); the cancellation asks why.
  it("shows a rejection in error as Other with the error, and a 2017 unsuitability with the DEA or Work Coach's agreement (3.08–3.10, 3.13)", () => {
    expect(checkAnswerRows("reject", { reason: "other", errorDescription: "Referred to the wrong provider" }, UC).slice(1)).toEqual([
      { key: "Reason", value: "The referral was made in error (Other)", change: "reason" },
      { key: "The error", value: "Referred to the wrong provider", change: "description of the error" },
    ]);
    const unsuitable = {
      reason: "customer_no_longer_suitable",
      suitabilityReason: "unable_to_contact",
      workCoachAgreed: true,
      workCoachContactedOn: "2017-05-15",
      workCoachName: "Priya Shah",
      workCoachContactMethod: "telephone",
    } as const;
    expect(checkAnswerRows("reject", unsuitable, S17).slice(1)).toEqual([
      { key: "Reason", value: "Unable to contact the customer after several attempts", change: "reason" },
      { key: "DEA or Work Coach agreed", value: "Yes", change: "whether the DEA or Work Coach agreed" },
      { key: "DEA or Work Coach", value: "Priya Shah", change: "name of the DEA or Work Coach" },
      { key: "Spoke to them on", value: "Monday 15 May 2017", change: "date you spoke to the DEA or Work Coach" },
      { key: "How", value: "Telephone", change: "how you contacted them" },
    ]);
  });

  it("gives a cancellation the PRaP reason Did Not Start, and says why (13.34, 13.35, 3.14)", () => {
    expect(checkAnswerRows("cancel_after_back_out", {}, UC)).toEqual([
      { key: "Step", value: "Cancel the backed-out referral (Did Not Start)" },
      { key: "Reason", value: "Did Not Start" },
    ]);
    expect(checkAnswerRows("cancel_did_not_start", { reason: "did_not_attend" }, UC)).toEqual([
      { key: "Step", value: "Cancel the referral (Did Not Start)" },
      { key: "PRaP reason", value: "Did Not Start" },
      { key: "Why", value: "The participant did not attend their start", change: "reason" },
    ]);
  });

  it("heads the page and words the confirm button from the step's label", () => {
    expect(checkAnswersCopy("record_early_leaving")).toEqual({ heading: "Check your answers: record early leaving", confirm: "Confirm: record early leaving" });
  });
});

describe("the questions a step page asks, from the step's form", () => {
  // Changed on purpose: "Other" needs a line describing the error; a 2016 no-show or
  // withdrawal has its own reasons (docs/decisions/0011-2016-no-show-and-withdrawal.md); the DEA or Work Coach's answer records who and how.
  it("asks a 2016 rejection Other or a no-show; a 2017 one the 3.08 reasons and the DEA or Work Coach's answer (3.08–3.10, 13.33)", () => {
    // Every recorded event asks its business date first (docs/rules/decisions.md: business dates).
    expect(questionsOf("reject", UC).map((question) => question.name)).toEqual(["happenedOn", "reason", "errorDescription", "spocInformedOn"]);
    expect(questionsOf("reject", UC)[1].items?.map((item) => item.value)).toEqual(["other", "did_not_attend_assessment", "withdrew"]);
    const asked = questionsOf("reject", S17);
    expect(asked.map((question) => question.name)).toEqual([
      "happenedOn",
      "reason",
      "errorDescription",
      "workCoachAgreed",
      "workCoachName",
      "workCoachContactedOn",
      "workCoachContactMethod",
    ]);
    expect(asked[0]).toMatchObject({ kind: "date", label: "Date you rejected the referral in PRaP" });
    expect(asked[1].items?.map((item) => item.value)).toEqual(["other", "no_longer_wishes", "unable_to_contact", "circumstances_changed"]);
    expect(asked[1].errorNames).toEqual(["reason", "suitabilityReason"]);
    expect(asked[3]).toMatchObject({ kind: "radios", inline: true, hint: "Not needed for a referral made in error (3.08 to 3.10)." });
    expect(asked[4]).toMatchObject({ kind: "text", label: "Name of the DEA or Work Coach you spoke to" });
  });

  it("asks the welcome call's date, outcome, first day, what to bring and reasonable adjustments (3.07)", () => {
    expect(questionsOf("record_welcome_call", S17).map((question) => question.name)).toEqual([
      "calledOn",
      "outcome",
      "firstDayOn",
      "firstDayDetails",
      "whatToBring",
      "reasonableAdjustments",
    ]);
    expect(questionsOf("record_welcome_call", S17)[5]).toMatchObject({ kind: "text", rows: 3 });
  });

  it("words the start date's hint for the case's chapter, with the GOV.UK date example (13.13, 3.07)", () => {
    expect(questionsOf("record_start", UC)[0]).toEqual({
      name: "startedOn",
      kind: "date",
      label: "Start date",
      hint: "The date the participant started on the provision. For example, 27 3 2026",
      errorNames: ["startedOn"],
    });
    expect(questionsOf("record_start", S17)[0].hint).toBe("The date the customer started on the provision. For example, 27 3 2026");
    // Changed on purpose: the exit form asks the date it was completed first (docs/rules/decisions.md: business dates).
    expect(questionsOf("record_completion", UC).map((question) => question.name)).toEqual(["happenedOn", "endedOn"]);
    expect(questionsOf("record_completion", UC)[0].label).toBe("Date you completed the exit form");
    expect(questionsOf("record_completion", UC)[1].hint).toBe("For example, 27 3 2026");
  });

  it("offers the early-leaving reasons from the administrator's list (13.36, 3.16)", () => {
    // Changed on purpose: after the date the exit form was completed and the leaving date (docs/rules/decisions.md: business dates).
    expect(questionsOf("record_early_leaving", S17)[2]).toMatchObject({
      name: "reasonCode",
      kind: "radios",
      items: [
        { value: "found_work", text: "Found work" },
        { value: "health", text: "Health reasons" },
      ],
    });
  });

  it("asks POST's email time as a UK time, after its date (13.35, 3.15)", () => {
    expect(questionsOf("record_back_out_email", UC).map(({ name, kind }) => `${name}:${kind}`)).toEqual(["receivedOn:date", "receivedTime:time"]);
  });
});

describe("what to do next on the case page", () => {
  it("offers the steps with a page, in step order", () => {
    expect(whatToDoNext(snapshot({ state: "started", startedOn: "2017-05-02" }), "sesmp")).toEqual({
      actions: ["record_back_out_email", "record_completion", "record_early_leaving"],
      awaitingStrandReferral: false,
      onSessro1: false,
    });
  });

  it("awaits the strand referral once a strand is recommended on the UC route, then offers its acceptance (13.25–13.27)", () => {
    expect(whatToDoNext(snapshot({ state: "recommended" }), "sesmp")).toMatchObject({ actions: ["reject"], awaitingStrandReferral: true });
    expect(whatToDoNext(snapshot({ state: "recommended", hasStrandReferral: true }), "sesmp")).toMatchObject({
      actions: ["accept_strand_referral", "reject"],
      awaitingStrandReferral: false,
    });
  });

  it("leaves an SRO introduction before JCP's referral to its SESSRO1 (13.44–13.49, 3.23–3.27)", () => {
    expect(whatToDoNext(snapshot({ route: "sro_introduction", state: "introduced", referralDate: null }), null)).toEqual({
      actions: [],
      awaitingStrandReferral: false,
      onSessro1: true,
    });
  });
});

describe("what to do next as the case page's links", () => {
  const CASE_ID = "00000000-0000-4000-8000-000000000001";

  it("links each offered step to its own page, and the strand referral while it is awaited (13.25–13.27)", () => {
    expect(whatToDoNextLinks(["caseworker"], CASE_ID, whatToDoNext(snapshot({ state: "recommended" }), "sesmp"))).toEqual({
      steps: [{ label: "Reject the referral", href: `/cases/${CASE_ID}/act/reject` }],
      strandReferralHref: `/cases/${CASE_ID}/strand-referral`,
    });
  });

  it("offers no links for an SRO introduction before JCP's referral, and no steps to roles that may take none", () => {
    expect(whatToDoNextLinks(["caseworker"], CASE_ID, whatToDoNext(snapshot({ route: "sro_introduction", state: "introduced", referralDate: null }), null))).toBeNull();
    expect(mayTakeLifecycleSteps(["caseworker"])).toBe(true);
    expect(mayTakeLifecycleSteps(["manager"])).toBe(false);
    expect(whatToDoNextLinks(["manager"], CASE_ID, whatToDoNext(snapshot({ state: "referred" }), null))?.steps).toEqual([]);
  });
});

describe("the case page's confirmation after a step", () => {
  it("says what was done and the case's state now", () => {
    expect(confirmationFor("record-early-leaving", "left_early")).toBe("Done: record early leaving. The case is now “Left early”.");
    expect(confirmationFor("strand-referral", "recommended")).toBeNull();
  });
});

describe("the step declarations", () => {
  // Changed on purpose: closing an SCR case is a nominated officer's step, so a step may
  // need more than the chain's permission; it may never need less, or someone could pass the
  // use-case's check without passing the chain's.
  it("give every step the chain's permission (app/…/act/actions.ts) or one only its holders have", () => {
    for (const step of LIFECYCLE_STEPS) {
      expect(["update:case:any", "update:restricted-case:any"], step.action).toContain(step.permission);
      for (const role of ROLES) if (can([role], step.permission)) expect(can([role], "update:case:any"), `${step.action} ${role}`).toBe(true);
    }
  });
});

describe("the Initial Assessment pages start from the date agreed on the Warm Handover call (13.11, 13.15)", () => {
  it("fills the date of the Initial Assessment with the agreed date, for both outcomes", () => {
    for (const action of ["record_assessment_recommended", "record_assessment_not_suitable"] as const) {
      const heldOn = questionsOf(action, { ...UC, agreedInitialAssessmentOn: "2017-04-24" }).find((question) => question.name === "heldOn");
      expect(heldOn?.initial).toBe("2017-04-24");
    }
  });

  it("leaves it blank when no date was agreed", () => {
    const heldOn = questionsOf("record_assessment_recommended", { ...UC, agreedInitialAssessmentOn: null }).find((question) => question.name === "heldOn");
    expect(heldOn?.initial).toBeUndefined();
  });
});
