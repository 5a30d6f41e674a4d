import type { IsoDate } from "../../../calendar/iso-date";
import { STRAND_LABELS } from "../../case-labels";
import { defineStep } from "../step";
import { CONFIRM_LATE_TEXT, lateAnticipatedStartWarning } from "../../warnings/deadline-warnings";
import { businessDate, choiceField, dateField, stepForm, tickField } from "../step-form";
import { STRANDS, type Strand } from "../strand-referral";
import { NOTHING, transition } from "../transition";
import { ASSESSMENT_OUTCOME_FROM, CLERICAL_ASSESSMENT_PARAGRAPHS } from "./initial-assessment";

/** UC452 part 6: the strand and anticipated start and end dates (13.19–13.21). */
export const recordAssessmentRecommended = defineStep<{
  heldOn: IsoDate;
  strand: Strand;
  anticipatedStartOn: IsoDate;
  anticipatedEndOn: IsoDate;
  confirmLate?: "yes";
}>()({
  action: "record_assessment_recommended",
  label: "Record the Initial Assessment: recommended",
  permission: "update:case:any",
  transitions: [
    transition("two_stage.assessment_recommended", {
      from: ASSESSMENT_OUTCOME_FROM.twoStage,
      to: "recommended",
      paragraphs: ["13.19", "13.20", "13.21"],
      description: "UC452 part 6: the strand (SESMP or SESSB) and anticipated start and end dates.",
    }),
    transition("clerical.assessment_recommended", {
      from: ASSESSMENT_OUTCOME_FROM.clerical,
      to: "recommended",
      paragraphs: CLERICAL_ASSESSMENT_PARAGRAPHS,
      description: "Assessment recommends a strand; the referral form goes back to the JCP nominated officer by secure means.",
    }),
  ],
  checkInput: (input, checks) => {
    const heldOn = checks.pastSinceReferral(input.heldOn, "heldOn", "The date of the Initial Assessment");
    if (typeof heldOn !== "string") return heldOn;
    if (input.strand !== "sesmp" && input.strand !== "sessb") {
      return checks.invalid("strand", "Select the strand: SES Main Provision (SESMP) or SES Start Back (SESSB)");
    }
    const start = checks.real(input.anticipatedStartOn, "anticipatedStartOn", "The anticipated start date");
    if (typeof start !== "string") return start;
    const startEarly = checks.notBefore(start, heldOn, "anticipatedStartOn", "The anticipated start date", "the date of the Initial Assessment");
    if (startEarly) return startEarly;
    const end = checks.real(input.anticipatedEndOn, "anticipatedEndOn", "The anticipated end date");
    if (typeof end !== "string") return end;
    const endEarly = checks.notBefore(end, start, "anticipatedEndOn", "The anticipated end date", "the anticipated start date");
    if (endEarly) return endEarly;
    // 13.13, 3.07: an anticipated start after the start deadline warns before saving; confirmed, the audit row keeps the warning.
    const late = lateAnticipatedStartWarning(start, checks.snapshot.startDueOn);
    if (late === null) return NOTHING;
    if (input.confirmLate !== "yes") return checks.invalid("anticipatedStartOn", `${late}. Plan an earlier start, or tick the box to record it anyway`);
    return { ...NOTHING, warnings: [late] };
  },
  page: {
    explanation: "UC452 part 6: the strand and the anticipated start and end dates. Email part 6 to the UC Service Centre and the SES policy inbox.",
    form: stepForm(
      {
        heldOn: dateField("Date of the Initial Assessment", { initialIsAgreedAssessment: true }),
        strand: choiceField("Strand", STRANDS, "Select the strand: SES Main Provision (SESMP) or SES Start Back (SESSB)", { text: STRAND_LABELS }),
        anticipatedStartOn: dateField("Anticipated start date"),
        anticipatedEndOn: dateField("Anticipated end date"),
        confirmLate: tickField("If the anticipated start is after the start deadline", { text: CONFIRM_LATE_TEXT, hint: "Only if you were warned: the participant should start within 20 working days of the referral (13.13)." }),
      },
      ({ confirmLate, ...answers }) => ({ ...answers, ...(confirmLate ? { confirmLate } : {}) }),
      null,
      // UC452 part 6 completed is an event with its own business date (docs/rules/decisions.md: business dates).
      businessDate("Date you completed UC452 part 6"),
    ),
    writes: {
      case: ({ heldOn, strand, anticipatedStartOn, anticipatedEndOn }) => ({ dates: { firstMetOn: heldOn, anticipatedStartOn, anticipatedEndOn }, strand }),
      assessment: ({ heldOn, strand, anticipatedStartOn, anticipatedEndOn }) => ({
        heldOn,
        outcome: "recommended",
        strand,
        anticipatedStartOn,
        anticipatedEndOn,
        spocPhonedOn: null,
      }),
      // UC452 part 6 (13.21): strand and anticipated dates.
      formPart: { part: "part_6", fields: ({ strand, anticipatedStartOn, anticipatedEndOn }) => ({ strand, anticipatedStartOn, anticipatedEndOn }) },
      audit: ({ heldOn, strand, anticipatedStartOn, anticipatedEndOn }) => ({ heldOn, strand, anticipatedStartOn, anticipatedEndOn }),
    },
  },
});
