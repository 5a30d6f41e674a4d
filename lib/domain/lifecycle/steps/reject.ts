import type { IsoDate } from "../../../calendar/iso-date";
import type { Ruleset } from "../../deadlines";
import { plural } from "../../wording";
import { DEFAULT_UNABLE_TO_CONTACT_THRESHOLD } from "../contact-attempts";
import { answerDate, defineStep, yesOrNo, type AuditDetails, type PageContext } from "../step";
import { businessDate, choiceField, optionalChoiceField, optionalDateField, stepForm } from "../step-form";
import { NOTHING, refuse, type StepTransition, transition } from "../transition";

/** 3.08: why the customer is no longer suitable. */
export const SUITABILITY_REASONS = ["no_longer_wishes", "unable_to_contact", "circumstances_changed"] as const;
export type SuitabilityReason = (typeof SUITABILITY_REASONS)[number];

export const SUITABILITY_REASON_LABELS: Readonly<Record<SuitabilityReason, string>> = {
  no_longer_wishes: "The customer no longer wishes to take part",
  unable_to_contact: "Unable to contact the customer after several attempts",
  circumstances_changed: "The customer’s circumstances have changed",
};

export type RejectInput =
  /** 13.33, 3.13: the referral was made in error and this was found before acceptance. */
  | { reason: "other" }
  /**
   * 3.08–3.10 (2017 only): the customer is no longer suitable. Allowed only when the referring
   * DEA/Work Coach, phoned on `workCoachContactedOn`, agreed; if they did not, the referral must
   * be accepted (3.10, 3.11).
   */
  | {
      reason: "customer_no_longer_suitable";
      suitabilityReason: SuitabilityReason;
      workCoachAgreed: boolean;
      workCoachContactedOn: IsoDate;
    };

/** The reject form's choice: referral made in error ("Other"), or (2017) one of the 3.08 reasons. */
export const REJECT_REASONS = ["other", ...SUITABILITY_REASONS] as const;
type RejectReasonChoice = (typeof REJECT_REASONS)[number];
export const REJECT_REASON_LABELS: Readonly<Record<RejectReasonChoice, string>> = {
  other: "The referral was made in error (Other)",
  ...SUITABILITY_REASON_LABELS,
};

/** The closure Reason row (kind "rejection") for a reject choice: the seeded codes match the choices. */
export function rejectionReasonCode(input: RejectInput): string {
  return input.reason === "other" ? "other" : input.suitabilityReason;
}

const TRANSITIONS: readonly StepTransition[] = [
  transition("two_stage.reject", {
    from: ["referred", "acknowledged", "assessment_booked"],
    to: "rejected",
    paragraphs: ["13.33"],
    prap: { referral: "initial_assessment", status: "rejected" },
    // Ch13 has no "no longer suitable" rejection: unsuitability is an Initial Assessment outcome (13.28–13.31).
    reasons: ["other"],
    description: "Referral made in error, found before acceptance: reject the Initial Assessment referral with the reason 'Other'.",
  }),
  transition("two_stage.reject_after_assessment", {
    from: ["recommended"],
    to: "rejected",
    paragraphs: ["13.33"],
    prap: { referral: "latest", status: "rejected" },
    reasons: ["other"],
    description:
      "Referral made in error, found before the strand referral is accepted: reject it (or the IA referral if the strand referral has not arrived) with the reason 'Other'.",
  }),
  transition("single.reject", {
    from: ["referred"],
    to: "rejected",
    paragraphs: ["3.08–3.10", "3.13"],
    prap: { referral: "single", status: "rejected" },
    reasons: ["other", "customer_no_longer_suitable"],
    description: "Before acceptance: made in error (reason 'Other'), or no longer suitable and the DEA/Work Coach agreed.",
  }),
];

/** 3.08–3.10: whether the ruleset lets a customer who is no longer suitable be rejected (the form asks only then). */
function allowsNoLongerSuitable({ ruleset }: { ruleset: Ruleset }): boolean {
  return TRANSITIONS.some((transition) => transition.rulesets.includes(ruleset) && transition.reasons?.includes("customer_no_longer_suitable"));
}

/** Before acceptance: in error (13.33, 3.13), or (2017) no longer suitable with the DEA/Work Coach's agreement (3.08–3.10). */
export const reject = defineStep<RejectInput>()({
  action: "reject",
  label: "Reject the referral",
  permission: "update:case:any",
  prapVerb: "rejected",
  transitions: TRANSITIONS,
  whyNot: ({ snapshot, isPrap, cite }) => {
    if (!isPrap) return null;
    if (snapshot.state === "accepted") {
      const p = cite(["13.34", "3.14"]);
      return refuse("reject_after_acceptance", p, `A referral cannot be rejected once it has been accepted: cancel it with the reason Did Not Start instead (${p})`);
    }
    if (snapshot.state === "started") {
      const p = cite(["13.35", "3.15"]);
      return refuse(
        "reject_after_acceptance",
        p,
        `A referral cannot be rejected once it has been accepted, and this one has started: JCP asks POST to back it out, then you cancel it with the reason Did Not Start (${p})`,
      );
    }
    return null;
  },
  checkInput: (rejection, checks) => {
    const allowed = checks.transition.reasons ?? ["other"];
    if (rejection.reason !== "other" && rejection.reason !== "customer_no_longer_suitable") {
      return checks.invalid("reason", "Select the reason for rejecting the referral");
    }
    if (!allowed.includes(rejection.reason)) {
      const paragraph = checks.cite(["13.28–13.31", "13.33"]);
      return refuse(
        "reason_not_in_ruleset",
        paragraph,
        `In the 2016 process a claimant who is not suitable is recorded at the Initial Assessment, after phoning the JCP SPoC; reject a referral only when it was made in error, with the reason Other (${paragraph})`,
        "reason",
      );
    }
    if (rejection.reason === "other") return { ...NOTHING, prapReason: "other" };
    if (!SUITABILITY_REASONS.includes(rejection.suitabilityReason)) {
      return checks.invalid("suitabilityReason", "Select why the customer is no longer suitable");
    }
    if (rejection.workCoachAgreed === false) {
      return refuse("work_coach_disagreed", "3.10", "The DEA or work coach did not agree, so the referral must be accepted (3.10)", "workCoachAgreed");
    }
    if (rejection.workCoachAgreed !== true) {
      return checks.invalid("workCoachAgreed", "Select whether the DEA or work coach agreed that the referral should be rejected");
    }
    const contacted = checks.past(rejection.workCoachContactedOn, "workCoachContactedOn", "The date you spoke to the DEA or work coach");
    if (typeof contacted !== "string") return contacted;
    const threshold = checks.context.unableToContactThreshold ?? DEFAULT_UNABLE_TO_CONTACT_THRESHOLD;
    const attempts = checks.snapshot.failedContactAttempts;
    if (rejection.suitabilityReason === "unable_to_contact" && attempts < threshold) {
      return {
        flags: ["fewer_contact_attempts_than_usual"],
        warnings: [
          `Only ${plural(attempts, "unsuccessful contact attempt is", "unsuccessful contact attempts are")} recorded; “unable to contact” usually means at least ${threshold} (${checks.cite(["3.08"])})`,
        ],
        prapReason: "customer_no_longer_suitable",
      };
    }
    return { ...NOTHING, prapReason: "customer_no_longer_suitable" };
  },
  page: {
    explanation: "Reject the referral in PRaP before it is accepted. A referral made in error is rejected with the reason Other.",
    form: stepForm(
      {
        reason: choiceField("Reason for rejecting the referral", REJECT_REASONS, "Select the reason for rejecting the referral", {
          text: REJECT_REASON_LABELS,
          offered: (context: PageContext) => (allowsNoLongerSuitable(context) ? REJECT_REASONS : ["other"]),
          errorAlsoFrom: "suitabilityReason",
        }),
        workCoachAgreed: optionalChoiceField("If the customer is no longer suitable: did the DEA or work coach agree the referral should be rejected?", ["yes", "no"], {
          text: { yes: "Yes", no: "No" },
          hint: "Not needed for a referral made in error (3.08 to 3.10).",
          inline: true,
          askedWhen: allowsNoLongerSuitable,
        }),
        workCoachContactedOn: optionalDateField("Date you spoke to the DEA or work coach", {
          hint: "Not needed for a referral made in error.",
          askedWhen: allowsNoLongerSuitable,
        }),
      },
      ({ reason, workCoachAgreed, workCoachContactedOn }): RejectInput =>
        reason === "other"
          ? { reason: "other" }
          : {
              reason: "customer_no_longer_suitable",
              suitabilityReason: reason,
              workCoachAgreed: workCoachAgreed === "yes",
              workCoachContactedOn: workCoachContactedOn as IsoDate,
            },
      (answers, context) => {
        if (answers.reason === "other") return;
        if (answers.workCoachAgreed === undefined) {
          context.addIssue({ code: "custom", path: ["workCoachAgreed"], message: "Select whether the DEA or work coach agreed that the referral should be rejected" });
        }
        if (answers.workCoachContactedOn === null) {
          context.addIssue({ code: "custom", path: ["workCoachContactedOn"], message: "Enter the date you spoke to the DEA or work coach" });
        }
      },
      businessDate("Date you rejected the referral in PRaP"),
    ),
    checkAnswers: {
      warning: true,
      rows: (input) => [
        { key: "Reason", value: REJECT_REASON_LABELS[rejectionReasonCode(input) as RejectReasonChoice], change: "reason" },
        ...(input.reason === "customer_no_longer_suitable"
          ? [
              { key: "DEA or work coach agreed", value: yesOrNo(input.workCoachAgreed), change: "whether the DEA or work coach agreed" },
              { key: "Spoke to the DEA or work coach", value: answerDate(input.workCoachContactedOn), change: "date you spoke to the DEA or work coach" },
            ]
          : []),
      ],
    },
    writes: {
      closureReason: { kind: "rejection", code: rejectionReasonCode, field: "reason" },
      audit: (input): AuditDetails =>
        input.reason === "customer_no_longer_suitable" ? { workCoachAgreed: input.workCoachAgreed, workCoachContactedOn: input.workCoachContactedOn } : {},
    },
  },
});
