/**
 * The DEA/Work Coach safeguard (3.08–3.11, 3.13, 3.14): a 2017 customer leaves before starting
 * only as "unsuitable" (no longer wishes to take part; unable to contact after the attempts
 * threshold; circumstances changed) with the referring DEA/Work Coach's agreement recorded — who,
 * when and how — or, for a referral made in error, with the reason "Other" and a one-line
 * description of the error. If the DEA/Work Coach does not agree, that is recorded and the provider
 * must accept and keep the customer (3.10). The reject, the "Did Not Start" cancellation and the
 * "DEA/Work Coach did not agree" steps share these fields and checks (docs/rules/states.md "The
 * DEA/Work Coach safeguard").
 */
import type { IsoDate } from "../../calendar/iso-date";
import { plural } from "../wording";
import { DEFAULT_UNABLE_TO_CONTACT_THRESHOLD } from "./contact-attempts";
import type { InputChecks } from "./input-checks";
import { answerDate, type AnswerRow, type AuditDetails, type PageContext } from "./step";
import { optionalChoiceField, optionalDateField, textField } from "./step-form";
import { NOTHING, refuse, type InputOutcome, type TransitionRefused } from "./transition";

/** 3.08: why the customer is no longer suitable. */
export const SUITABILITY_REASONS = ["no_longer_wishes", "unable_to_contact", "circumstances_changed"] as const;
export type SuitabilityReason = (typeof SUITABILITY_REASONS)[number];

export const SUITABILITY_REASON_LABELS: Readonly<Record<SuitabilityReason, string>> = {
  no_longer_wishes: "The customer no longer wishes to take part",
  unable_to_contact: "Unable to contact the customer after several attempts",
  circumstances_changed: "The customer’s circumstances have changed",
};

export function isSuitabilityReason(value: unknown): value is SuitabilityReason {
  return typeof value === "string" && (SUITABILITY_REASONS as readonly string[]).includes(value);
}

/** How the provider reached the DEA/Work Coach (3.08: "contact the referring DEA/Work Coach directly"). */
export const CONTACT_METHODS = ["telephone", "email", "in_person"] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_METHOD_LABELS: Readonly<Record<ContactMethod, string>> = {
  telephone: "Telephone",
  email: "Email",
  in_person: "In person",
};

/** Who at Jobcentre Plus was asked, when, and how (3.08). */
export interface WorkCoachContact {
  workCoachName: string;
  workCoachContactedOn: IsoDate;
  workCoachContactMethod: ContactMethod;
}

/** 3.08–3.10: the DEA/Work Coach's answer, as recorded. */
export interface WorkCoachAgreement extends WorkCoachContact {
  suitabilityReason: SuitabilityReason;
  workCoachAgreed: boolean;
}

/** Whether the case's ruleset has the 3.08 safeguard (Ch3 only: Ch13 records unsuitability at the Initial Assessment, 13.28–13.31). */
export function hasSafeguard({ ruleset }: Pick<PageContext, "ruleset">): boolean {
  return ruleset === "ses_2017";
}

/** The form fields of the DEA/Work Coach's answer, asked only on a 2017 case. */
export function agreementFields(question: string) {
  return {
    workCoachAgreed: optionalChoiceField(question, ["yes", "no"], {
      text: { yes: "Yes", no: "No" },
      hint: "Not needed for a referral made in error (3.08 to 3.10).",
      inline: true,
      askedWhen: hasSafeguard,
    }),
    ...contactFields(),
  };
}

/** Who was asked, when and how: 2017 cases only. */
export function contactFields() {
  return {
    workCoachName: textField("Name of the DEA or Work Coach you spoke to", { max: 200, askedWhen: hasSafeguard }),
    workCoachContactedOn: optionalDateField("Date you spoke to the DEA or Work Coach", { askedWhen: hasSafeguard }),
    workCoachContactMethod: optionalChoiceField("How did you contact them?", CONTACT_METHODS, {
      text: CONTACT_METHOD_LABELS,
      inline: true,
      askedWhen: hasSafeguard,
    }),
  };
}

/** The line of text "Other" needs: what the error was (3.13, 3.14; 13.33, 13.34). */
export const errorDescriptionField = textField("What was the error?", {
  max: 200,
  // Shown under "Other" (a conditional reveal), ignored for any other reason.
  revealedBy: { field: "reason", value: "other" },
  hint: "One line, for example “Referred to the wrong provider”. Do not include sensitive information.",
});

interface AgreementAnswers {
  workCoachAgreed?: "yes" | "no";
  workCoachName: string | null;
  workCoachContactedOn: IsoDate | null;
  workCoachContactMethod?: ContactMethod;
}

/** The form's checks of a 3.08 answer: every part of the agreement given. */
export function requireAgreementAnswers(answers: AgreementAnswers, issue: (path: string, message: string) => void, withAgreement = true): void {
  if (withAgreement && answers.workCoachAgreed === undefined) issue("workCoachAgreed", "Select whether the DEA or Work Coach agreed");
  if (!answers.workCoachName) issue("workCoachName", "Enter the name of the DEA or Work Coach you spoke to");
  if (answers.workCoachContactedOn === null) issue("workCoachContactedOn", "Enter the date you spoke to the DEA or Work Coach");
  if (answers.workCoachContactMethod === undefined) issue("workCoachContactMethod", "Select how you contacted the DEA or Work Coach");
}

export function contactFrom(answers: AgreementAnswers): WorkCoachContact {
  return {
    workCoachName: answers.workCoachName ?? "",
    workCoachContactedOn: answers.workCoachContactedOn as IsoDate,
    workCoachContactMethod: answers.workCoachContactMethod as ContactMethod,
  };
}

/** The recorded contact: a real name, a date not in the future nor before the referral, a method. */
export function checkContact(contact: WorkCoachContact, checks: InputChecks): TransitionRefused | null {
  if (typeof contact.workCoachName !== "string" || contact.workCoachName.trim() === "") {
    return checks.invalid("workCoachName", "Enter the name of the DEA or Work Coach you spoke to");
  }
  const on = checks.pastSinceReferral(contact.workCoachContactedOn, "workCoachContactedOn", "The date you spoke to the DEA or Work Coach");
  if (typeof on !== "string") return on;
  if (!(CONTACT_METHODS as readonly string[]).includes(contact.workCoachContactMethod)) {
    return checks.invalid("workCoachContactMethod", "Select how you contacted the DEA or Work Coach");
  }
  return null;
}

/**
 * 3.08: "unable to contact the customer after multiple attempts (usually classed as 3)": the route
 * needs the administrator's number of unsuccessful attempts, counted from the recorded attempts.
 */
export function unableToContactRefusal(checks: InputChecks): TransitionRefused | null {
  const threshold = checks.context.unableToContactThreshold ?? DEFAULT_UNABLE_TO_CONTACT_THRESHOLD;
  const attempts = checks.snapshot.failedContactAttempts;
  if (attempts >= threshold) return null;
  const p = checks.cite(["3.08"]);
  return refuse(
    "too_few_contact_attempts",
    p,
    `“Unable to contact” needs at least ${plural(threshold, "unsuccessful contact attempt")} since the customer was last reached, and ${plural(attempts, "is", "are")} recorded: record each attempt on the case page first (${p})`,
    "suitabilityReason",
  );
}

/**
 * 3.08–3.10: an unsuitability reason stands only with the DEA/Work Coach's recorded agreement; a
 * "no" means the provider must accept and keep the customer — record the disagreement instead.
 */
export function checkAgreement(agreement: WorkCoachAgreement, checks: InputChecks, disagreeStep: string): TransitionRefused | InputOutcome {
  if (!isSuitabilityReason(agreement.suitabilityReason)) return checks.invalid("suitabilityReason", "Select why the customer is no longer suitable");
  if (agreement.workCoachAgreed === false) {
    const p = checks.cite(["3.10"]);
    return refuse(
      "work_coach_disagreed",
      p,
      `The DEA or Work Coach did not agree, so the provider must accept and keep the customer: use “${disagreeStep}” to record their answer (${p})`,
      "workCoachAgreed",
    );
  }
  if (agreement.workCoachAgreed !== true) return checks.invalid("workCoachAgreed", "Select whether the DEA or Work Coach agreed");
  const contact = checkContact(agreement, checks);
  if (contact) return contact;
  if (agreement.suitabilityReason === "unable_to_contact") {
    const few = unableToContactRefusal(checks);
    if (few) return few;
  }
  return { ...NOTHING, prapReason: "customer_no_longer_suitable" };
}

/** "Other" is for a referral made in error only, with its one-line description (3.13, 3.14; 13.33, 13.34). */
export function checkErrorDescription(description: unknown, checks: InputChecks): TransitionRefused | null {
  if (typeof description !== "string" || description.trim() === "") {
    return checks.invalid("errorDescription", "Describe the error in one line");
  }
  return description.length > 200 ? checks.invalid("errorDescription", "The description of the error must be 200 characters or fewer") : null;
}

export function agreementRows(agreement: WorkCoachAgreement | WorkCoachContact): AnswerRow[] {
  return [
    ...("workCoachAgreed" in agreement
      ? [{ key: "DEA or Work Coach agreed", value: agreement.workCoachAgreed ? "Yes" : "No", change: "whether the DEA or Work Coach agreed" }]
      : []),
    { key: "DEA or Work Coach", value: agreement.workCoachName, change: "name of the DEA or Work Coach" },
    { key: "Spoke to them on", value: answerDate(agreement.workCoachContactedOn), change: "date you spoke to the DEA or Work Coach" },
    { key: "How", value: CONTACT_METHOD_LABELS[agreement.workCoachContactMethod] ?? agreement.workCoachContactMethod, change: "how you contacted them" },
  ];
}

export function agreementAudit(agreement: WorkCoachAgreement): AuditDetails {
  return {
    suitabilityReason: agreement.suitabilityReason,
    workCoachAgreed: agreement.workCoachAgreed,
    workCoachName: agreement.workCoachName,
    workCoachContactedOn: agreement.workCoachContactedOn,
    workCoachContactMethod: agreement.workCoachContactMethod,
  };
}
