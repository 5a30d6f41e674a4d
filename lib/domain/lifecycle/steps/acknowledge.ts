import { defineStep } from "../step";
import { businessDate, stepForm } from "../step-form";
import { transition } from "../transition";

/** 13.18: the provider acknowledges the PRaP referral to the Initial Assessment opportunity. */
export const acknowledge = defineStep()({
  action: "acknowledge",
  label: "Acknowledge the referral",
  permission: "update:case:any",
  prapVerb: "acknowledged",
  transitions: [
    transition("two_stage.acknowledge", {
      from: ["referred"],
      to: "acknowledged",
      paragraphs: ["13.18"],
      prap: { referral: "initial_assessment", status: "acknowledged" },
      description: "Acknowledge the Initial Assessment referral in PRaP.",
    }),
  ],
  page: {
    explanation: "Acknowledge the Initial Assessment referral in PRaP, then record it here.",
    form: stepForm({}, () => ({}), null, businessDate("Date you acknowledged the referral in PRaP")),
    writes: {},
  },
});
