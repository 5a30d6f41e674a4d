import { defineStep } from "../step";
import { choiceField, stepForm, textField } from "../step-form";
import { transition } from "../transition";

export const SCR_NOT_ENGAGED_OUTCOMES = ["never_started", "never_engaged"] as const;
export type ScrNotEngagedOutcome = (typeof SCR_NOT_ENGAGED_OUTCOMES)[number];

export const SCR_NOT_ENGAGED_LABELS: Readonly<Record<ScrNotEngagedOutcome, string>> = {
  never_started: "The case never started",
  never_engaged: "The person never engaged",
};

/**
 * An SCR case has no PRaP referral to reject or cancel (13.53, 13.74, 3.31, 3.40), so without this
 * a case that never starts, or whose person never engages, would stay open for ever and count as
 * missed. The nominated officer closes it with the reason in their own words; it stays in the start
 * measure like any other case that did not start (docs/rules/restricted-cases.md "SCR lifecycle").
 */
export const closeScrNotEngaged = defineStep<{ outcome: ScrNotEngagedOutcome; reason: string }>()({
  action: "close_scr_not_engaged",
  label: "Close the SCR case: never started or never engaged",
  permission: "update:restricted-case:any",
  transitions: [
    transition("clerical.close_not_engaged", {
      from: ["referred", "assessment_booked", "recommended"],
      to: "cancelled",
      paragraphs: ["13.74", "3.40"],
      description: "The SCR case never started, or the person never engaged: the nominated officer closes it with a reason.",
    }),
  ],
  page: {
    explanation:
      "Close this Special Customer Record case because it never started or the person never engaged. Only a nominated officer can do this, and the reason is kept in the case's audit trail.",
    form: stepForm(
      {
        outcome: choiceField("Why is the case closing?", SCR_NOT_ENGAGED_OUTCOMES, "Select why the case is closing", { text: SCR_NOT_ENGAGED_LABELS }),
        reason: textField("Reason", {
          max: 2000,
          required: "Enter the reason for closing the case",
          rows: 5,
          hint: "For example, the attempts made to engage them and what the JCP nominated officer said.",
        }),
      },
      ({ outcome, reason }) => ({ outcome, reason: reason ?? "" }),
    ),
    checkAnswers: {
      warning: true,
      rows: ({ outcome, reason }) => [
        { key: "Why the case is closing", value: SCR_NOT_ENGAGED_LABELS[outcome], change: "why the case is closing" },
        { key: "Reason", value: reason, change: "the reason" },
      ],
    },
    writes: {
      closureReason: { kind: "cancellation", code: () => "did_not_start" },
      audit: ({ outcome, reason }) => ({ outcome: SCR_NOT_ENGAGED_LABELS[outcome], closingReason: reason }),
    },
  },
});
