import type { IsoDate } from "../../../calendar/iso-date";
import { answerDate, defineStep } from "../step";
import { notStartedRefusal } from "../step-refusals";
import { businessDate, dateField, stepForm } from "../step-form";
import { NOTHING, transition } from "../transition";

/** UC452 part 8b / Customer Exit Tracker: the actual end date (13.37, 3.16). */
export const recordCompletion = defineStep<{ endedOn: IsoDate }>()({
  action: "record_completion",
  label: "Record completion",
  permission: "update:case:any",
  transitions: [
    transition("two_stage.completion", {
      from: ["started"],
      to: "completed",
      paragraphs: ["13.37"],
      requires: ["start_date_recorded"],
      prap: { referral: "strand", status: "completed" },
      description: "UC452 part 8b with the actual end date.",
    }),
    transition("single.completion", {
      from: ["started"],
      to: "completed",
      paragraphs: ["3.16"],
      requires: ["start_date_recorded"],
      prap: { referral: "single", status: "completed" },
      description: "Customer Exit Tracker Document with the scheduled end date.",
    }),
    transition("clerical.completion", {
      from: ["started"],
      to: "completed",
      paragraphs: ["13.37", "3.16"],
      requires: ["start_date_recorded"],
      description: "Completed, with the actual end date.",
    }),
  ],
  whyNot: notStartedRefusal,
  checkInput: (input, checks) => {
    const endedOn = checks.past(input.endedOn, "endedOn", "The actual end date");
    if (typeof endedOn !== "string") return endedOn;
    return checks.notBefore(endedOn, checks.snapshot.startedOn, "endedOn", "The actual end date", "the start date") ?? NOTHING;
  },
  page: {
    explanation: "UC452 part 8b or the Customer Exit Tracker: the actual end date.",
    form: stepForm(
      { endedOn: dateField("Actual end date") },
      ({ endedOn }) => ({ endedOn }),
      null,
      // The exit form completed is an event with its own business date (docs/rules/decisions.md: business dates).
      businessDate("Date you completed the exit form", { hint: "UC452 part 8b, or the Customer Exit Tracker. It is filled in with today’s date: change it if the form was completed earlier." }),
    ),
    checkAnswers: {
      warning: false,
      rows: ({ endedOn }) => [{ key: "Actual end date", value: answerDate(endedOn), change: "actual end date" }],
    },
    writes: {
      case: ({ endedOn }) => ({ dates: { endedOn } }),
      formPart: { part: "part_8b", fields: ({ endedOn }) => ({ actualEndOn: endedOn }) },
      audit: ({ endedOn }) => ({ endedOn }),
    },
  },
});
