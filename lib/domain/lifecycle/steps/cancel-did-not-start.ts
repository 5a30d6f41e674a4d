import { defineStep } from "../step";
import { businessDate, stepForm } from "../step-form";
import { cancellationRefusal } from "../step-refusals";
import { DID_NOT_START_ANSWERS, DID_NOT_START_WRITES } from "./did-not-start";
import { transition } from "../transition";

/** Error or non-start found after acceptance but before attachment (13.34, 3.14). */
export const cancelDidNotStart = defineStep()({
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
      description: "Error or non-start found after acceptance but before attachment: cancel with the reason 'Did Not Start'.",
    }),
    transition("single.cancel_did_not_start", {
      from: ["accepted"],
      to: "cancelled",
      paragraphs: ["3.14"],
      prap: { referral: "single", status: "cancelled", reason: "did_not_start" },
      description: "Error or non-start found after acceptance but before attachment: cancel with the reason 'Did Not Start'.",
    }),
  ],
  whyNot: cancellationRefusal,
  page: {
    explanation: "Cancel the accepted referral in PRaP with the reason Did Not Start.",
    form: stepForm({}, () => ({}), null, businessDate("Date you cancelled the referral in PRaP")),
    checkAnswers: DID_NOT_START_ANSWERS,
    writes: DID_NOT_START_WRITES,
  },
});
