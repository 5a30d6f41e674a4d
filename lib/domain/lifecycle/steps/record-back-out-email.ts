import { isAfter } from "date-fns";
import { todayInLondon } from "../../../calendar/iso-date";
import { futureDateProblem } from "../../business-dates";
import { offsetInstant } from "../input-checks";
import { defineStep } from "../step";
import { noBackOutNeeded } from "../step-refusals";
import { dateField, stepForm, timeField, ukInstant } from "../step-form";
import { NOTHING, transition } from "../transition";

/** POST's email that the referral has been backed out of PRaP: the 24 clock hours to cancel start (13.35, 3.15). */
export const recordBackOutEmail = defineStep<{
  /** The timestamp of POST's email (ISO instant with Z or ±hh:mm). */
  receivedAt: string;
}>()({
  action: "record_back_out_email",
  label: "Record POST’s back-out email",
  permission: "update:case:any",
  prapVerb: "backed out",
  transitions: [
    transition("two_stage.back_out_email", {
      from: ["started"],
      to: "backed_out",
      paragraphs: ["13.35"],
      requires: ["start_date_recorded"],
      prap: { referral: "strand", status: "backed_out" },
      description: "POST emailed that the referral has been backed out of PRaP: the 24-hour cancellation clock starts.",
    }),
    transition("single.back_out_email", {
      from: ["started"],
      to: "backed_out",
      paragraphs: ["3.15"],
      requires: ["start_date_recorded"],
      prap: { referral: "single", status: "backed_out" },
      description: "POST emailed that the referral has been backed out of PRaP: the 24-hour cancellation clock starts.",
    }),
  ],
  whyNot: noBackOutNeeded,
  checkInput: (input, checks) => {
    const received = offsetInstant(input.receivedAt);
    if (received === null) return checks.invalid("receivedAt", "Enter the date and time POST’s back-out email arrived");
    const receivedOn = todayInLondon(received);
    if (isAfter(received, checks.context.now)) {
      // Today's date is fine; a time later than now is not.
      const problem = futureDateProblem("The date POST’s email arrived", receivedOn, checks.context.today) ?? "The time POST’s email arrived must be now or in the past";
      return checks.invalid("receivedAt", problem);
    }
    return checks.notBefore(receivedOn, checks.snapshot.startedOn, "receivedAt", "POST’s back-out email", "the start date") ?? NOTHING;
  },
  page: {
    explanation: "Record when POST’s email arrived saying the start has been backed out in PRaP: the referral must be cancelled in PRaP within 24 hours of it (13.35, 3.15).",
    form: stepForm(
      { receivedOn: dateField("Date POST’s email arrived"), receivedTime: timeField("Time POST’s email arrived", "UK time, 24-hour clock, for example 14:30") },
      ({ receivedOn, receivedTime }) => ({ receivedAt: ukInstant(receivedOn, receivedTime) }),
    ),
    writes: {
      case: ({ receivedAt }) => ({ backOutEmailAt: new Date(receivedAt) }),
      audit: ({ receivedAt }) => ({ backOutEmailAt: new Date(receivedAt).toISOString() }),
    },
  },
});
