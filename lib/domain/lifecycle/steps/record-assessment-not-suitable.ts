import type { IsoDate } from "../../../calendar/iso-date";
import { personWord } from "../rulesets";
import { answerDate, defineStep, yesOrNo } from "../step";
import { businessDate, dateField, optionalDateField, stepForm, tickField } from "../step-form";
import { NOTHING, transition } from "../transition";
import { ASSESSMENT_OUTCOME_FROM, CLERICAL_ASSESSMENT_PARAGRAPHS } from "./initial-assessment";

/**
 * UC452 part 7 (13.22, 13.28–13.31). There is deliberately no free-text reason: the reason is
 * phoned to the JCP SPoC, and the record holds only the date of that call (13.31). A clerical SCR
 * case tells the JCP nominated officer on the returned SL2 instead (13.56), so the call date may
 * be null there.
 */
export const recordAssessmentNotSuitable = defineStep<{
  heldOn: IsoDate;
  /** 13.29–13.30: the suitability issue was discussed fully with the claimant first. */
  fullyDiscussedWithClaimant: boolean;
  spocPhonedOn: IsoDate | null;
}>()({
  action: "record_assessment_not_suitable",
  label: "Record the Initial Assessment: not suitable",
  permission: "update:case:any",
  transitions: [
    transition("two_stage.assessment_not_suitable", {
      from: ASSESSMENT_OUTCOME_FROM.twoStage,
      to: "not_suitable",
      paragraphs: ["13.22", "13.28–13.31"],
      description: "UC452 part 7 with the provider's contact details; the reason is phoned to the JCP SPoC, never written on the form.",
    }),
    transition("clerical.assessment_not_suitable", {
      from: ASSESSMENT_OUTCOME_FROM.clerical,
      to: "not_suitable",
      paragraphs: CLERICAL_ASSESSMENT_PARAGRAPHS,
      description: "Assessment finds the claimant not suitable; the referral form goes back to the JCP nominated officer.",
    }),
  ],
  checkInput: (input, checks) => {
    const heldOn = checks.pastSinceReferral(input.heldOn, "heldOn", "The date of the Initial Assessment");
    if (typeof heldOn !== "string") return heldOn;
    if (input.fullyDiscussedWithClaimant !== true) {
      // 13.29–13.30: try to resolve it with the claimant; only after a full discussion agree they are not suitable.
      return checks.invalid(
        "fullyDiscussedWithClaimant",
        `Discuss the suitability issue fully with the ${checks.who}, and try to resolve it, before recording them as not suitable`,
      );
    }
    const spocPhonedOn = input.spocPhonedOn;
    if (spocPhonedOn === null || spocPhonedOn === undefined) {
      // A clerical case reports the outcome on the referral form returned to the JCP nominated officer (13.56).
      if (checks.route === "scr_clerical") return NOTHING;
      return checks.invalid("spocPhonedOn", "Enter the date you phoned the JCP SPoC to tell them the outcome and the reason");
    }
    const phoned = checks.past(spocPhonedOn, "spocPhonedOn", "The date you phoned the JCP SPoC");
    if (typeof phoned !== "string") return phoned;
    return checks.notBefore(phoned, heldOn, "spocPhonedOn", "The date you phoned the JCP SPoC", "the date of the Initial Assessment") ?? NOTHING;
  },
  page: {
    explanation: "UC452 part 7 carries your contact details only. Phone the JCP SPoC with the reason; do not record sensitive information (13.28 to 13.31).",
    form: stepForm(
      {
        heldOn: dateField("Date of the Initial Assessment", { initialIsAgreedAssessment: true }),
        fullyDiscussedWithClaimant: tickField("Discussion with the claimant", {
          hint: "Discuss the suitability issue fully with the claimant and try to resolve it first (13.29, 13.30).",
          text: ({ ruleset }) => `I discussed it fully with the ${personWord(ruleset, false)} and we agreed they are not suitable`,
        }),
        spocPhonedOn: optionalDateField("Date you phoned the JCP SPoC", {
          hint: "Give the reason by telephone. Do not write sensitive information on the UC452 (13.31).",
        }),
      },
      ({ heldOn, fullyDiscussedWithClaimant, spocPhonedOn }) => ({ heldOn, fullyDiscussedWithClaimant: fullyDiscussedWithClaimant === "yes", spocPhonedOn }),
      null,
      // UC452 part 7 completed is an event with its own business date (docs/rules/decisions.md: business dates).
      businessDate("Date you completed UC452 part 7"),
    ),
    checkAnswers: {
      warning: false,
      rows: (input) => [
        { key: "Date of the Initial Assessment", value: answerDate(input.heldOn), change: "date of the Initial Assessment" },
        { key: "Discussed fully and agreed", value: yesOrNo(input.fullyDiscussedWithClaimant), change: "discussion" },
        { key: "JCP SPoC phoned", value: answerDate(input.spocPhonedOn), change: "date you phoned the JCP SPoC" },
      ],
    },
    writes: {
      closureReason: { kind: "not_suitable", code: () => "discussed_with_spoc" },
      case: ({ heldOn }) => ({ dates: { firstMetOn: heldOn } }),
      assessment: ({ heldOn, spocPhonedOn }) => ({
        heldOn,
        outcome: "not_recommended",
        strand: null,
        anticipatedStartOn: null,
        anticipatedEndOn: null,
        spocPhonedOn,
      }),
      // UC452 part 7 (13.22, 13.31): the provider's contact details only — never the reason.
      formPart: { part: "part_7", fields: "provider_contact" },
      audit: ({ heldOn, spocPhonedOn }) => ({ heldOn, spocPhonedOn }),
    },
  },
});
