import type { IsoDate } from "../../../calendar/iso-date";
import type { Ruleset } from "../../deadlines";
import { answerDate, defineStep, type AuditDetails, type PageContext } from "../step";
import { businessDate, choiceField, optionalDateField, stepForm } from "../step-form";
import { NOTHING, refuse, type StepTransition, transition } from "../transition";
import {
  agreementAudit,
  agreementFields,
  agreementRows,
  checkAgreement,
  checkErrorDescription,
  contactFrom,
  errorDescriptionField,
  requireAgreementAnswers,
  SUITABILITY_REASON_LABELS,
  SUITABILITY_REASONS,
  type SuitabilityReason,
  type WorkCoachAgreement,
} from "../work-coach-agreement";

export { SUITABILITY_REASON_LABELS, SUITABILITY_REASONS, type SuitabilityReason };

/**
 * docs/decisions/0011-2016-no-show-and-withdrawal.md: a 2016 claimant who misses the Initial Assessment or withdraws before the
 * strand referral is accepted. PRaP offers only "Other" for a rejection (13.33), so that is the PRaP
 * reason; the case's own closure reason says what happened, and the JCP SPoC is told (13.31 by analogy).
 */
export const NO_SHOW_REASONS = ["did_not_attend_assessment", "withdrew"] as const;
export type NoShowReason = (typeof NO_SHOW_REASONS)[number];
export const NO_SHOW_REASON_LABELS: Readonly<Record<NoShowReason, string>> = {
  did_not_attend_assessment: "The claimant did not attend the Initial Assessment",
  withdrew: "The claimant withdrew (no longer wishes to take part)",
};

export type RejectInput =
  /** 13.33, 3.13: the referral was made in error, found before acceptance; one line says what the error was. */
  | { reason: "other"; errorDescription: string }
  /** 2016 only (docs/decisions/0011-2016-no-show-and-withdrawal.md): a no-show at the Initial Assessment, or a withdrawal; the JCP SPoC told on `spocInformedOn`. */
  | { reason: NoShowReason; spocInformedOn: IsoDate }
  /**
   * 3.08–3.10 (2017 only): the customer is no longer suitable, and the referring DEA/Work Coach
   * agreed — who, when and how recorded. If they did not agree, the referral must be accepted (3.10, 3.11).
   */
  | ({ reason: "customer_no_longer_suitable" } & WorkCoachAgreement);

/** The reject form's choices. */
export const REJECT_REASONS = ["other", ...NO_SHOW_REASONS, ...SUITABILITY_REASONS] as const;
type RejectReasonChoice = (typeof REJECT_REASONS)[number];
export const REJECT_REASON_LABELS: Readonly<Record<RejectReasonChoice, string>> = {
  other: "The referral was made in error (Other)",
  ...NO_SHOW_REASON_LABELS,
  ...SUITABILITY_REASON_LABELS,
};

/** The choices each chapter offers: Ch13 has no 3.08 route (unsuitability is an Initial Assessment outcome, 13.28–13.31). */
export function rejectReasonsFor(ruleset: Ruleset): readonly RejectReasonChoice[] {
  return ruleset === "ses_2017" ? ["other", ...SUITABILITY_REASONS] : ["other", ...NO_SHOW_REASONS];
}

/** The closure Reason row (kind "rejection") for a reject choice: the seeded codes match the choices. */
export function rejectionReasonCode(input: RejectInput): string {
  return input.reason === "customer_no_longer_suitable" ? input.suitabilityReason : input.reason;
}

const TRANSITIONS: readonly StepTransition[] = [
  transition("two_stage.reject", {
    from: ["referred", "acknowledged", "assessment_booked"],
    to: "rejected",
    paragraphs: ["13.33"],
    prap: { referral: "initial_assessment", status: "rejected" },
    // Ch13 has no "no longer suitable" rejection: unsuitability is an Initial Assessment outcome (13.28–13.31).
    reasons: ["other"],
    description:
      "Referral made in error, found before acceptance: reject the Initial Assessment referral with the reason 'Other'; a no-show or a withdrawal is rejected the same way, its own reason recorded (docs/decisions/0011-2016-no-show-and-withdrawal.md).",
  }),
  transition("two_stage.reject_after_assessment", {
    from: ["recommended"],
    to: "rejected",
    paragraphs: ["13.33"],
    prap: { referral: "latest", status: "rejected" },
    reasons: ["other"],
    description:
      "Referral made in error (or the claimant withdrew), found before the strand referral is accepted: reject it (or the IA referral if the strand referral has not arrived) with the reason 'Other'.",
  }),
  transition("single.reject", {
    from: ["referred"],
    to: "rejected",
    paragraphs: ["3.08–3.10", "3.13"],
    prap: { referral: "single", status: "rejected" },
    reasons: ["other", "customer_no_longer_suitable"],
    description: "Before acceptance: made in error (reason 'Other', with the error described), or no longer suitable and the DEA/Work Coach agreed.",
  }),
];

function isNoShow(reason: unknown): reason is NoShowReason {
  return typeof reason === "string" && (NO_SHOW_REASONS as readonly string[]).includes(reason);
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
    const choices = rejectReasonsFor(checks.snapshot.ruleset);
    const choice = rejection.reason === "customer_no_longer_suitable" ? rejection.suitabilityReason : rejection.reason;
    if (!(REJECT_REASONS as readonly string[]).includes(choice)) return checks.invalid("reason", "Select the reason for rejecting the referral");
    if (!choices.includes(choice)) {
      if (checks.snapshot.ruleset !== "ses_2017") {
        const paragraph = checks.cite(["13.28–13.31", "13.33"]);
        return refuse(
          "reason_not_in_ruleset",
          paragraph,
          `In the 2016 process a claimant who is not suitable is recorded at the Initial Assessment, after phoning the JCP SPoC; reject a referral only when it was made in error, with the reason Other (${paragraph})`,
          "reason",
        );
      }
      const paragraph = checks.cite(["3.08", "3.13"]);
      return refuse(
        "reason_not_in_ruleset",
        paragraph,
        `A 2017 customer leaves before starting only as no longer suitable, with the DEA or Work Coach’s agreement, or because the referral was made in error (${paragraph})`,
        "reason",
      );
    }
    if (rejection.reason === "other") {
      return checkErrorDescription(rejection.errorDescription, checks) ?? { ...NOTHING, prapReason: "other" };
    }
    if (rejection.reason !== "customer_no_longer_suitable") {
      const told = checks.pastSinceReferral(rejection.spocInformedOn, "spocInformedOn", "The date you told the JCP SPoC");
      return typeof told === "string" ? { ...NOTHING, prapReason: "other" } : told;
    }
    return checkAgreement(rejection, checks, "Record that the DEA or Work Coach did not agree");
  },
  page: {
    explanation:
      "Reject the referral in PRaP before it is accepted. A referral made in error is rejected with the reason Other and a line describing the error.",
    form: stepForm(
      {
        reason: choiceField("Reason for rejecting the referral", REJECT_REASONS, "Select the reason for rejecting the referral", {
          text: REJECT_REASON_LABELS,
          offered: (context: PageContext) => rejectReasonsFor(context.ruleset),
          errorAlsoFrom: "suitabilityReason",
        }),
        errorDescription: errorDescriptionField,
        spocInformedOn: optionalDateField("If the claimant did not attend or withdrew: date you told the JCP SPoC", {
          askedWhen: (context: PageContext) => context.ruleset !== "ses_2017",
        }),
        ...agreementFields("If the customer is no longer suitable: did the DEA or Work Coach agree the referral should be rejected?"),
      },
      (answers): RejectInput => {
        const { reason } = answers;
        if (reason === "other") return { reason, errorDescription: answers.errorDescription ?? "" };
        if (isNoShow(reason)) return { reason, spocInformedOn: answers.spocInformedOn as IsoDate };
        return { reason: "customer_no_longer_suitable", suitabilityReason: reason, workCoachAgreed: answers.workCoachAgreed === "yes", ...contactFrom(answers) };
      },
      (answers, context) => {
        const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
        if (answers.reason === "other") {
          if (!answers.errorDescription) issue("errorDescription", "Describe the error in one line");
          return;
        }
        if (isNoShow(answers.reason)) {
          if (answers.spocInformedOn === null) issue("spocInformedOn", "Enter the date you told the JCP SPoC");
          return;
        }
        requireAgreementAnswers(answers, issue);
      },
      businessDate("Date you rejected the referral in PRaP"),
    ),
    checkAnswers: {
      warning: true,
      rows: (input) => [
        { key: "Reason", value: REJECT_REASON_LABELS[rejectionReasonCode(input) as RejectReasonChoice], change: "reason" },
        ...(input.reason === "other" ? [{ key: "The error", value: input.errorDescription, change: "description of the error" }] : []),
        ...(input.reason !== "other" && input.reason !== "customer_no_longer_suitable"
          ? [{ key: "JCP SPoC told on", value: answerDate(input.spocInformedOn), change: "date you told the JCP SPoC" }]
          : []),
        ...(input.reason === "customer_no_longer_suitable" ? agreementRows(input) : []),
      ],
    },
    writes: {
      closureReason: { kind: "rejection", code: rejectionReasonCode, field: "reason" },
      audit: (input): AuditDetails =>
        input.reason === "customer_no_longer_suitable"
          ? agreementAudit(input)
          : input.reason === "other"
            ? { errorDescription: input.errorDescription }
            : { spocInformedOn: input.spocInformedOn },
    },
  },
});
