import type { IsoDate } from "../../../calendar/iso-date";
import { answerDate, defineStep, type AuditDetails } from "../step";
import { choiceField, dateField, optionalDateField, stepForm, textField } from "../step-form";
import { NOTHING, refuse, transition } from "../transition";

/** How the welcome call ended (3.07): the first day arranged, or not yet. */
export const WELCOME_CALL_OUTCOMES = ["first_day_arranged", "first_day_not_arranged"] as const;
export type WelcomeCallOutcome = (typeof WELCOME_CALL_OUTCOMES)[number];

export const WELCOME_CALL_OUTCOME_LABELS: Readonly<Record<WelcomeCallOutcome, string>> = {
  first_day_arranged: "Spoke to the customer and arranged their first day on provision",
  first_day_not_arranged: "Spoke to the customer, but the first day is not arranged yet",
};

export interface WelcomeCallInput {
  calledOn: IsoDate;
  outcome: WelcomeCallOutcome;
  /** The first day on provision, when arranged (3.07: "arranging a date and time for their first day"). */
  firstDayOn: IsoDate | null;
  /** Time and place of the first day. */
  firstDayDetails: string | null;
  /** What the customer should bring and expect. */
  whatToBring: string | null;
  /** 3.07: "establishing any special requests/needs": reasonable adjustments agreed. */
  reasonableAdjustments: string | null;
}

/**
 * 3.07: good practice is a welcome call within 5 working days of the referral, arranging the first
 * day on provision and any special requests or needs. A step that records an event and leaves the
 * state alone (docs/decisions/0010-steps-that-record-an-event-and-exit-notices.md): the welcome-call
 * clock is met on the call's date (docs/rules/clocks.md "Welcome call").
 * Not for an SCR case (clerical, 3.31, 3.40) or a 2016 case (Ch13 has no welcome call).
 */
export const recordWelcomeCall = defineStep<WelcomeCallInput>()({
  action: "record_welcome_call",
  label: "Record the welcome call",
  permission: "update:case:any",
  transitions: [
    transition("single.welcome_call_before_acceptance", {
      from: ["referred"],
      to: "referred",
      paragraphs: ["3.07"],
      requires: ["welcome_call_not_recorded"],
      description: "The welcome call: the first day on provision and any special requests or needs (good practice within 5 working days).",
    }),
    transition("single.welcome_call", {
      from: ["accepted"],
      to: "accepted",
      paragraphs: ["3.07"],
      requires: ["welcome_call_not_recorded"],
      description: "The welcome call: the first day on provision and any special requests or needs (good practice within 5 working days).",
    }),
  ],
  whyNot: ({ snapshot, isPrap, cite }) => {
    if (!isPrap || snapshot.state !== "started") return null;
    const p = cite(["3.07"]);
    return refuse("not_available", p, `The customer has started, so the welcome call, which arranges the first day, was missed (${p})`);
  },
  checkInput: (input, checks) => {
    const calledOn = checks.pastSinceReferral(input.calledOn, "calledOn", "The date of the welcome call");
    if (typeof calledOn !== "string") return calledOn;
    if (!(WELCOME_CALL_OUTCOMES as readonly string[]).includes(input.outcome)) return checks.invalid("outcome", "Select how the welcome call ended");
    if (input.outcome === "first_day_arranged") {
      if (input.firstDayOn === null) return checks.invalid("firstDayOn", "Enter the date of the customer’s first day on provision");
      const firstDay = checks.real(input.firstDayOn, "firstDayOn", "The first day on provision");
      if (typeof firstDay !== "string") return firstDay;
      const early = checks.notBefore(firstDay, calledOn, "firstDayOn", "The first day on provision", "the date of the welcome call");
      if (early) return early;
    }
    return NOTHING;
  },
  page: {
    explanation:
      "Good practice is to call the customer within 5 working days of the referral: arrange the date and time of their first day on provision, tell them what to bring and expect, and agree any reasonable adjustments.",
    form: stepForm(
      {
        calledOn: dateField("Date of the welcome call"),
        outcome: choiceField("How did the call end?", WELCOME_CALL_OUTCOMES, "Select how the welcome call ended", {
          text: WELCOME_CALL_OUTCOME_LABELS,
          hint: "A call that did not reach the customer is a contact attempt: record it on the case page instead.",
        }),
        firstDayOn: optionalDateField("First day on provision", { hint: "Needed when the first day was arranged." }),
        firstDayDetails: textField("Time and place of the first day", { max: 200 }),
        whatToBring: textField("What the customer should bring and expect", { max: 1000, rows: 3 }),
        reasonableAdjustments: textField("Reasonable adjustments, special requests or needs", {
          max: 1000,
          rows: 3,
          hint: "Leave blank if none were asked for.",
        }),
      },
      ({ calledOn, outcome, firstDayOn, firstDayDetails, whatToBring, reasonableAdjustments }): WelcomeCallInput => ({
        calledOn,
        outcome,
        firstDayOn,
        firstDayDetails,
        whatToBring,
        reasonableAdjustments,
      }),
      (answers, context) => {
        if (answers.outcome === "first_day_arranged" && answers.firstDayOn === null) {
          context.addIssue({ code: "custom", path: ["firstDayOn"], message: "Enter the date of the customer’s first day on provision" });
        }
      },
    ),
    checkAnswers: {
      warning: false,
      rows: (input) => [
        { key: "Date of the welcome call", value: answerDate(input.calledOn), change: "date of the welcome call" },
        { key: "Outcome", value: WELCOME_CALL_OUTCOME_LABELS[input.outcome], change: "outcome" },
        { key: "First day on provision", value: answerDate(input.firstDayOn), change: "first day on provision" },
        { key: "Time and place", value: input.firstDayDetails ?? "Not given", change: "time and place of the first day" },
        { key: "What to bring and expect", value: input.whatToBring ?? "Not given", change: "what the customer should bring and expect" },
        { key: "Reasonable adjustments", value: input.reasonableAdjustments ?? "None asked for", change: "reasonable adjustments" },
      ],
    },
    writes: {
      case: (input) => ({ dates: { welcomeCallOn: input.calledOn }, welcomeCall: welcomeCallRecord(input) }),
      audit: (input) => ({ welcomeCallOn: input.calledOn, ...welcomeCallRecord(input) }),
    },
  },
});

/** What the case keeps of the call (Case.welcomeCall), shown on the case page. */
export function welcomeCallRecord(input: WelcomeCallInput): AuditDetails {
  return {
    outcome: input.outcome,
    firstDayOn: input.firstDayOn,
    firstDayDetails: input.firstDayDetails,
    whatToBring: input.whatToBring,
    reasonableAdjustments: input.reasonableAdjustments,
  };
}
