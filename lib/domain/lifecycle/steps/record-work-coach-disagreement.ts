import { defineStep, type PageContext } from "../step";
import { choiceField, stepForm } from "../step-form";
import { NOTHING, refuse, transition } from "../transition";
import {
  agreementRows,
  checkContact,
  contactFields,
  contactFrom,
  requireAgreementAnswers,
  SUITABILITY_REASON_LABELS,
  SUITABILITY_REASONS,
  type WorkCoachAgreement,
} from "../work-coach-agreement";

/**
 * 3.10: "If the DEA/Work Coach does not agree that the PRaP referral should be rejected … the
 * provider must accept the customer on provision." Their answer is recorded — who, when, how, and
 * the reason the provider gave — and the case stays as it is: a referral still to accept is accepted
 * (3.11), an accepted one is kept. A step that records an event and leaves the state alone.
 */
export const recordWorkCoachDisagreement = defineStep<Omit<WorkCoachAgreement, "workCoachAgreed">>()({
  action: "record_work_coach_disagreement",
  label: "Record that the DEA or Work Coach did not agree",
  permission: "update:case:any",
  transitions: [
    transition("single.work_coach_disagreed_before_acceptance", {
      from: ["referred"],
      to: "referred",
      paragraphs: ["3.08", "3.10", "3.11"],
      description: "The DEA/Work Coach did not agree the customer is unsuitable: record it, then accept the referral (3.10, 3.11).",
    }),
    transition("single.work_coach_disagreed", {
      from: ["accepted"],
      to: "accepted",
      paragraphs: ["3.08", "3.10"],
      description: "The DEA/Work Coach did not agree the customer is unsuitable: record it and keep the customer (3.10).",
    }),
  ],
  whyNot: ({ route, cite }) => {
    if (route !== "prap_two_stage") return null;
    const p = cite(["13.28–13.31"]);
    return refuse("not_in_process", p, `In the 2016 process unsuitability is decided at the Initial Assessment, after speaking to the JCP SPoC (${p})`);
  },
  checkInput: (input, checks) => {
    if (!(SUITABILITY_REASONS as readonly string[]).includes(input.suitabilityReason)) {
      return checks.invalid("suitabilityReason", "Select why you thought the customer was no longer suitable");
    }
    return checkContact(input, checks) ?? NOTHING;
  },
  page: {
    explanation:
      "You explained to the referring DEA or Work Coach why you think the customer is no longer suitable, and they did not agree. Record their answer: the customer stays on the referral, and you must accept and keep them (3.10).",
    form: stepForm(
      {
        suitabilityReason: choiceField("Why did you think the customer was no longer suitable?", SUITABILITY_REASONS, "Select why you thought the customer was no longer suitable", {
          text: SUITABILITY_REASON_LABELS,
        }),
        ...contactFields(),
      },
      (answers) => ({ suitabilityReason: answers.suitabilityReason, ...contactFrom(answers) }),
      (answers, context) => requireAgreementAnswers(answers, (path, message) => context.addIssue({ code: "custom", path: [path], message }), false),
    ),
    checkAnswers: {
      warning: false,
      rows: (input, _context: PageContext) => [
        { key: "Why you thought they were unsuitable", value: SUITABILITY_REASON_LABELS[input.suitabilityReason], change: "reason" },
        { key: "DEA or Work Coach agreed", value: "No: the customer must be accepted and kept (3.10)" },
        ...agreementRows(input),
      ],
    },
    writes: {
      audit: (input) => ({ ...input, workCoachAgreed: false }),
    },
  },
});
