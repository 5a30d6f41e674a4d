import type { Ruleset } from "../../deadlines";
import { defineStep, type AuditDetails, type PageContext } from "../step";
import { businessDate, choiceField, stepForm } from "../step-form";
import { cancellationRefusal } from "../step-refusals";
import { NOTHING, refuse, transition } from "../transition";
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
  type WorkCoachAgreement,
} from "../work-coach-agreement";

/** 13.34 (2016): an accepted claimant who never started — did not attend, or withdrew (docs/decisions/0011-2016-no-show-and-withdrawal.md). */
export const NOT_STARTED_REASONS = ["did_not_attend", "withdrew"] as const;
export type NotStartedReason = (typeof NOT_STARTED_REASONS)[number];

export type CancelDidNotStartInput =
  /** 13.34, 3.14: the referral was made in error; one line says what the error was. */
  | { reason: "other"; errorDescription: string }
  /** 2016 only: the claimant did not attend the start, or withdrew. */
  | { reason: NotStartedReason }
  /** 3.08–3.10 (2017): no longer suitable, with the DEA/Work Coach's agreement recorded. */
  | ({ reason: "customer_no_longer_suitable" } & WorkCoachAgreement);

export const CANCEL_REASONS = ["other", ...NOT_STARTED_REASONS, ...SUITABILITY_REASONS] as const;
type CancelReasonChoice = (typeof CANCEL_REASONS)[number];
export const CANCEL_REASON_LABELS: Readonly<Record<CancelReasonChoice, string>> = {
  other: "The referral was made in error",
  did_not_attend: "The participant did not attend their start",
  withdrew: "The participant withdrew (no longer wishes to take part)",
  ...SUITABILITY_REASON_LABELS,
};

/** The choices each chapter offers after acceptance: Ch3 keeps the 3.08 safeguard (3.10 "must accept the customer"). */
export function cancelReasonsFor(ruleset: Ruleset): readonly CancelReasonChoice[] {
  return ruleset === "ses_2017" ? ["other", ...SUITABILITY_REASONS] : ["other", ...NOT_STARTED_REASONS];
}

/**
 * The closure Reason row (kind "cancellation"): "did_not_start" for an error, as PRaP names it; the
 * reason the person did not start otherwise — PRaP records "Did Not Start" for every one of them.
 */
export function cancellationReasonCode(input: CancelDidNotStartInput): string {
  if (input.reason === "other") return "did_not_start";
  return input.reason === "customer_no_longer_suitable" ? input.suitabilityReason : input.reason;
}

function isNotStarted(reason: unknown): reason is NotStartedReason {
  return typeof reason === "string" && (NOT_STARTED_REASONS as readonly string[]).includes(reason);
}

/**
 * Error or non-start found after acceptance but before attachment (13.34, 3.14). It needs a reason,
 * and (2017) an unsuitability reason needs the DEA/Work Coach's recorded agreement: the safeguard of
 * 3.08–3.10 holds after acceptance too.
 */
export const cancelDidNotStart = defineStep<CancelDidNotStartInput>()({
  action: "cancel_did_not_start",
  label: "Cancel the referral (Did Not Start)",
  permission: "update:case:any",
  prapVerb: "cancelled",
  transitions: [
    transition("two_stage.cancel_did_not_start", {
      from: ["accepted"],
      to: "cancelled",
      paragraphs: ["13.34"],
      prap: { referral: "strand", status: "cancelled", reason: "did_not_start" },
      description: "Error or non-start found after acceptance but before attachment: cancel with the reason 'Did Not Start', recording why.",
    }),
    transition("single.cancel_did_not_start", {
      from: ["accepted"],
      to: "cancelled",
      paragraphs: ["3.14", "3.08–3.10"],
      prap: { referral: "single", status: "cancelled", reason: "did_not_start" },
      description:
        "Error found after acceptance but before attachment, or the customer no longer suitable with the DEA/Work Coach's agreement: cancel with the reason 'Did Not Start'.",
    }),
  ],
  whyNot: cancellationRefusal,
  checkInput: (input, checks) => {
    const choice = input.reason === "customer_no_longer_suitable" ? input.suitabilityReason : input.reason;
    if (!(CANCEL_REASONS as readonly string[]).includes(choice)) return checks.invalid("reason", "Select why the referral is being cancelled");
    if (!cancelReasonsFor(checks.snapshot.ruleset).includes(choice)) {
      const p = checks.cite(["3.08", "3.14", "13.34"]);
      return refuse("reason_not_in_ruleset", p, `That reason is not one this case’s guidance allows for a cancellation (${p})`, "reason");
    }
    if (input.reason === "other") return checkErrorDescription(input.errorDescription, checks) ?? NOTHING;
    if (input.reason !== "customer_no_longer_suitable") return NOTHING;
    // PRaP's reason stays "Did Not Start" (the transition's own); the agreement is what is checked here.
    return checkAgreement(input, checks, "Record that the DEA or Work Coach did not agree");
  },
  page: {
    explanation: "Cancel the accepted referral in PRaP with the reason Did Not Start, and record why.",
    form: stepForm(
      {
        reason: choiceField("Why is the referral being cancelled?", CANCEL_REASONS, "Select why the referral is being cancelled", {
          text: CANCEL_REASON_LABELS,
          offered: (context: PageContext) => cancelReasonsFor(context.ruleset),
          errorAlsoFrom: "suitabilityReason",
        }),
        errorDescription: errorDescriptionField,
        ...agreementFields("If the customer is no longer suitable: did the DEA or Work Coach agree the referral should be cancelled?"),
      },
      (answers): CancelDidNotStartInput => {
        const { reason } = answers;
        if (reason === "other") return { reason, errorDescription: answers.errorDescription ?? "" };
        if (isNotStarted(reason)) return { reason };
        return { reason: "customer_no_longer_suitable", suitabilityReason: reason, workCoachAgreed: answers.workCoachAgreed === "yes", ...contactFrom(answers) };
      },
      (answers, context) => {
        const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
        if (answers.reason === "other") {
          if (!answers.errorDescription) issue("errorDescription", "Describe the error in one line");
          return;
        }
        if (isNotStarted(answers.reason)) return;
        requireAgreementAnswers(answers, issue);
      },
      businessDate("Date you cancelled the referral in PRaP"),
    ),
    checkAnswers: {
      warning: true,
      rows: (input) => [
        { key: "PRaP reason", value: "Did Not Start" },
        {
          key: "Why",
          value: CANCEL_REASON_LABELS[(input.reason === "customer_no_longer_suitable" ? input.suitabilityReason : input.reason) as CancelReasonChoice],
          change: "reason",
        },
        ...(input.reason === "other" ? [{ key: "The error", value: input.errorDescription, change: "description of the error" }] : []),
        ...(input.reason === "customer_no_longer_suitable" ? agreementRows(input) : []),
      ],
    },
    writes: {
      closureReason: { kind: "cancellation", code: cancellationReasonCode, field: "reason" },
      case: (_input, now) => ({ cancelledAt: now }),
      audit: (input): AuditDetails =>
        input.reason === "customer_no_longer_suitable"
          ? agreementAudit(input)
          : input.reason === "other"
            ? { errorDescription: input.errorDescription }
            : { notStartedReason: input.reason },
    },
  },
});
