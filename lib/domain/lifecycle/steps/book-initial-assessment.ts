import type { IsoDate } from "../../../calendar/iso-date";
import { defineStep } from "../step";
import { CONFIRM_LATE_TEXT, lateInitialAssessmentWarning } from "../../warnings/deadline-warnings";
import { dateField, stepForm, tickField } from "../step-form";
import { NOTHING, transition } from "../transition";
import { CLERICAL_ASSESSMENT_PARAGRAPHS } from "./initial-assessment";

/** The Initial Assessment date agreed on the Warm Handover call (13.11, 13.15); meet within 10 working days (13.17). */
export const bookInitialAssessment = defineStep<{ assessmentOn: IsoDate; confirmLate?: "yes" }>()({
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
    const early = checks.notBefore(assessmentOn, checks.referralBound, "assessmentOn", "The Initial Assessment date", checks.referralBoundLabel);
    if (early) return early;
    // 13.17: a date after the 10-working-day meeting deadline warns before saving; confirmed, the audit row keeps the warning.
    const late = lateInitialAssessmentWarning(assessmentOn, checks.snapshot.meetDueOn);
    if (late === null) return NOTHING;
    if (input.confirmLate !== "yes") return checks.invalid("assessmentOn", `${late}. Agree an earlier date, or tick the box to record it anyway`);
    return { ...NOTHING, warnings: [late] };
  },
  page: {
    explanation: "Record the Initial Assessment date agreed on the Warm Handover call.",
    form: stepForm(
      {
        assessmentOn: dateField("Date of the Initial Assessment", { hint: "The date agreed on the Warm Handover call." }),
        confirmLate: tickField("If the date is after the meeting deadline", { text: CONFIRM_LATE_TEXT, hint: "Only if you were warned: the claimant must be met within 10 working days of the referral being received (13.17)." }),
      },
      ({ assessmentOn, confirmLate }) => ({ assessmentOn, ...(confirmLate ? { confirmLate } : {}) }),
    ),
    writes: {
      case: ({ assessmentOn }) => ({ dates: { initialAssessmentOn: assessmentOn } }),
      audit: ({ assessmentOn }) => ({ assessmentOn }),
    },
  },
});
