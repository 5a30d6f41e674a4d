import { describe, expect, it } from "vitest";
import { stepPage, LIFECYCLE_FORM_ACTIONS } from "@/lib/domain/forms/lifecycle-forms";
import type { LifecycleSnapshot } from "@/lib/domain/lifecycle/snapshot";
import type { PageContext } from "@/lib/domain/lifecycle/step";
import { askedQuestions, type StepForm } from "@/lib/domain/lifecycle/step-form";
import { checkAnswerRows, checkAnswersCopy, confirmationFor, whatToDoNext } from "@/lib/domain/lifecycle/step-pages";
import { LIFECYCLE_STEPS } from "@/lib/domain/lifecycle/steps";

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

  it("shows a rejection in error as Other, and a 2017 unsuitability with the DEA or work coach's agreement (3.08–3.10, 3.13)", () => {
    expect(checkAnswerRows("reject", { reason: "other" }, UC).slice(1)).toEqual([
      { key: "Reason", value: "The referral was made in error (Other)", change: "reason" },
    ]);
    const unsuitable = { reason: "customer_no_longer_suitable", suitabilityReason: "unable_to_contact", workCoachAgreed: true, workCoachContactedOn: "2017-05-15" } as const;
    expect(checkAnswerRows("reject", unsuitable, S17).slice(1)).toEqual([
      { key: "Reason", value: "Unable to contact the customer after several attempts", change: "reason" },
      { key: "DEA or work coach agreed", value: "Yes", change: "whether the DEA or work coach agreed" },
      { key: "Spoke to the DEA or work coach", value: "Monday 15 May 2017", change: "date you spoke to the DEA or work coach" },
    ]);
  });

  it("gives a cancellation its fixed reason, with nothing to change (13.34, 13.35)", () => {
    for (const action of ["cancel_did_not_start", "cancel_after_back_out"] as const) {
      expect(checkAnswerRows(action, {}, UC)).toEqual([
        { key: "Step", value: action === "cancel_did_not_start" ? "Cancel the referral (Did Not Start)" : "Cancel the backed-out referral (Did Not Start)" },
        { key: "Reason", value: "Did Not Start" },
      ]);
    }
  });

  it("heads the page and words the confirm button from the step's label", () => {
    expect(checkAnswersCopy("record_early_leaving")).toEqual({ heading: "Check your answers: record early leaving", confirm: "Confirm: record early leaving" });
  });
});

describe("the questions a step page asks, from the step's form", () => {
  it("asks a 2016 rejection only the reason Other; a 2017 one the 3.08 reasons and the DEA or work coach's answer (3.08–3.10, 13.33)", () => {
    // Changed on purpose (issue 11): every recorded event asks its business date first (docs/rules/decisions.md: business dates).
    expect(questionsOf("reject", UC).map((question) => question.name)).toEqual(["happenedOn", "reason"]);
    expect(questionsOf("reject", UC)[1].items).toEqual([{ value: "other", text: "The referral was made in error (Other)" }]);
    const asked = questionsOf("reject", S17);
    expect(asked.map((question) => question.name)).toEqual(["happenedOn", "reason", "workCoachAgreed", "workCoachContactedOn"]);
    expect(asked[0]).toMatchObject({ kind: "date", label: "Date you rejected the referral in PRaP" });
    expect(asked[1].items?.map((item) => item.value)).toEqual(["other", "no_longer_wishes", "unable_to_contact", "circumstances_changed"]);
    expect(asked[1].errorNames).toEqual(["reason", "suitabilityReason"]);
    expect(asked[2]).toMatchObject({ kind: "radios", inline: true, hint: "Not needed for a referral made in error (3.08 to 3.10)." });
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
    expect(questionsOf("record_completion", UC)[0].hint).toBe("For example, 27 3 2026");
  });

  it("offers the early-leaving reasons from the administrator's list (13.36, 3.16)", () => {
    expect(questionsOf("record_early_leaving", S17)[1]).toMatchObject({
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

describe("the case page's confirmation after a step", () => {
  it("says what was done and the case's state now", () => {
    expect(confirmationFor("record-early-leaving", "left_early")).toBe("Done: record early leaving. The case is now “Left early”.");
    expect(confirmationFor("strand-referral", "recommended")).toBeNull();
  });
});

describe("the step declarations", () => {
  it("give every step the permission the server actions' chain declares (app/…/act/actions.ts)", () => {
    for (const step of LIFECYCLE_STEPS) expect(step.permission, step.action).toBe("update:case:any");
  });
});
