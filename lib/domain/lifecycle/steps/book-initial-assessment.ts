import type { IsoDate } from "../../../calendar/iso-date";
import { defineStep } from "../step";
import { dateField, stepForm } from "../step-form";
import { NOTHING, transition } from "../transition";
import { CLERICAL_ASSESSMENT_PARAGRAPHS } from "./initial-assessment";

/** The Initial Assessment date agreed on the Warm Handover call (13.11, 13.15); meet within 10 working days (13.17). */
export const bookInitialAssessment = defineStep<{ assessmentOn: IsoDate }>()({
  action: "book_initial_assessment",
  label: "Book the Initial Assessment",
  permission: "update:case:any",
  transitions: [
    transition("two_stage.book_initial_assessment", {
      from: ["acknowledged"],
      to: "assessment_booked",
      paragraphs: ["13.15", "13.17"],
      description: "The Initial Assessment date agreed on the Warm Handover call; meet within 10 working days of receiving the referral.",
    }),
    transition("clerical.book_initial_assessment", {
      from: ["referred"],
      to: "assessment_booked",
      paragraphs: CLERICAL_ASSESSMENT_PARAGRAPHS,
      description: "Assess the claimant as for an electronic referral, after returning SL2 page 1.",
    }),
  ],
  checkInput: (input, checks) => {
    const assessmentOn = checks.real(input.assessmentOn, "assessmentOn", "The Initial Assessment date");
    if (typeof assessmentOn !== "string") return assessmentOn;
    return checks.notBefore(assessmentOn, checks.referralBound, "assessmentOn", "The Initial Assessment date", checks.referralBoundLabel) ?? NOTHING;
  },
  page: {
    explanation: "Record the Initial Assessment date agreed on the Warm Handover call.",
    form: stepForm({ assessmentOn: dateField("Date of the Initial Assessment", { hint: "The date agreed on the Warm Handover call." }) }, ({ assessmentOn }) => ({
      assessmentOn,
    })),
    writes: {
      case: ({ assessmentOn }) => ({ dates: { initialAssessmentOn: assessmentOn } }),
      audit: ({ assessmentOn }) => ({ assessmentOn }),
    },
  },
});
