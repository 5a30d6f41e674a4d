import type { IsoDate } from "../../../calendar/iso-date";
import { nonEmpty } from "../input-checks";
import { answerDate, defineStep } from "../step";
import { notStartedRefusal } from "../step-refusals";
import { businessDate, dateField, listedCodeField, stepForm } from "../step-form";
import { NOTHING, transition } from "../transition";

/** UC452 part 8a / Customer Exit Tracker: the leaving date and the reason, from the administrator's list (13.36, 3.16). */
export const recordEarlyLeaving = defineStep<{ leftOn: IsoDate; reasonCode: string }>()({
  action: "record_early_leaving",
  label: "Record early leaving",
  permission: "update:case:any",
  transitions: [
    transition("two_stage.early_leaving", {
      from: ["started"],
      to: "left_early",
      paragraphs: ["13.36"],
      requires: ["start_date_recorded"],
      prap: { referral: "strand", status: "left_early" },
      description: "UC452 part 8a with the early leaving date and the reason.",
    }),
    transition("single.early_leaving", {
      from: ["started"],
      to: "left_early",
      paragraphs: ["3.16"],
      requires: ["start_date_recorded"],
      prap: { referral: "single", status: "left_early" },
      description: "Customer Exit Tracker Document with the early finish date and the reason.",
    }),
    transition("clerical.early_leaving", {
      from: ["started"],
      to: "left_early",
      paragraphs: ["13.36", "3.16"],
      requires: ["start_date_recorded"],
      description: "Left early, with the leaving date and the reason.",
    }),
  ],
  whyNot: notStartedRefusal,
  checkInput: (input, checks) => {
    const leftOn = checks.past(input.leftOn, "leftOn", "The early leaving date");
    if (typeof leftOn !== "string") return leftOn;
    const early = checks.notBefore(leftOn, checks.snapshot.startedOn, "leftOn", "The early leaving date", "the start date");
    if (early) return early;
    return nonEmpty(input.reasonCode) ? NOTHING : checks.invalid("reasonCode", `Select the reason the ${checks.who} left early`);
  },
  page: {
    explanation: "UC452 part 8a or the Customer Exit Tracker: the date they left and the reason.",
    form: stepForm(
      {
        leftOn: dateField("Date they left"),
        reasonCode: listedCodeField("Reason for leaving early", "Select the reason they left early", ({ earlyLeavingReasons }) =>
          earlyLeavingReasons.map((reason) => ({ value: reason.code, text: reason.label })),
        ),
      },
      ({ leftOn, reasonCode }) => ({ leftOn, reasonCode }),
      null,
      // The exit form completed is an event with its own business date (docs/rules/decisions.md: business dates).
      businessDate("Date you completed the exit form", { hint: "UC452 part 8a, or the Customer Exit Tracker. It is filled in with today’s date: change it if the form was completed earlier." }),
    ),
    checkAnswers: {
      warning: false,
      rows: ({ leftOn, reasonCode }, { earlyLeavingReasons }) => [
        { key: "Date they left", value: answerDate(leftOn), change: "date they left" },
        { key: "Reason", value: earlyLeavingReasons.find((reason) => reason.code === reasonCode)?.label ?? reasonCode, change: "reason" },
      ],
    },
    writes: {
      closureReason: { kind: "early_leaving", code: ({ reasonCode }) => reasonCode, field: "reasonCode", missing: "Select the reason they left early" },
      case: ({ leftOn }) => ({ dates: { endedOn: leftOn } }),
      // UC452 part 8a / Customer Exit Tracker (13.36, 3.16): the leaving date and the reason.
      formPart: { part: "part_8a", fields: ({ leftOn }, reasonLabel) => ({ leavingOn: leftOn, reason: reasonLabel }) },
      audit: ({ leftOn }) => ({ leftOn }),
    },
  },
});
