import { addHours, differenceInHours, isAfter } from "date-fns";
import { formatLongDate, todayInLondon } from "../../../calendar/iso-date";
import { BACK_OUT_CANCEL_HOURS, ukTimeOfInstant } from "../../deadlines";
import { plural } from "../../wording";
import { offsetInstant } from "../input-checks";
import { defineStep } from "../step";
import { cancellationRefusal, noBackOutNeeded } from "../step-refusals";
import { businessDate, stepForm } from "../step-form";
import { NOTHING, transition } from "../transition";
import { DID_NOT_START_ANSWERS, DID_NOT_START_WRITES } from "./did-not-start";

/** Cancel within 24 clock hours of POST's back-out email, reason "Did Not Start"; later is allowed, and flagged (13.35, 3.15). */
export const cancelAfterBackOut = defineStep()({
  action: "cancel_after_back_out",
  label: "Cancel the backed-out referral (Did Not Start)",
  permission: "update:case:any",
  prapVerb: "cancelled",
  transitions: [
    transition("two_stage.cancel_after_back_out", {
      from: ["backed_out"],
      to: "cancelled",
      paragraphs: ["13.35"],
      requires: ["back_out_email_recorded"],
      prap: { referral: "strand", status: "cancelled", reason: "did_not_start" },
      description: "Cancel within 24 hours of POST's email with the reason 'Did Not Start' (later is allowed, and flagged).",
    }),
    transition("single.cancel_after_back_out", {
      from: ["backed_out"],
      to: "cancelled",
      paragraphs: ["3.15"],
      requires: ["back_out_email_recorded"],
      prap: { referral: "single", status: "cancelled", reason: "did_not_start" },
      description: "Cancel within 24 hours of POST's email with the reason 'Did Not Start' (later is allowed, and flagged).",
    }),
  ],
  whyNot: (facts) => cancellationRefusal(facts) ?? noBackOutNeeded(facts),
  checkInput: (_input, { snapshot, context, p }) => {
    const emailAt = offsetInstant(snapshot.backOutEmailAt);
    if (emailAt === null) {
      throw new TypeError(`backOutEmailAt must be an ISO instant with a time zone, got ${JSON.stringify(snapshot.backOutEmailAt)}`);
    }
    // docs/rules/decisions.md: clock hours from the email's timestamp; later is allowed, and flagged.
    const due = addHours(emailAt, BACK_OUT_CANCEL_HOURS);
    if (!isAfter(context.now, due)) return NOTHING;
    const hoursLate = differenceInHours(context.now, due, { roundingMethod: "ceil" });
    return {
      flags: ["late"],
      warnings: [
        `This cancellation is ${plural(hoursLate, "hour")} late: the ${BACK_OUT_CANCEL_HOURS} hours after POST’s email ran out at ${ukTimeOfInstant(due.toISOString())} on ${formatLongDate(todayInLondon(due))} (UK time) (${p})`,
      ],
    };
  },
  page: {
    explanation: "Cancel the backed-out referral in PRaP with the reason Did Not Start, within 24 hours of POST’s email.",
    form: stepForm({}, () => ({}), null, businessDate("Date you cancelled the referral in PRaP", { time: { label: "Time you cancelled the referral in PRaP", hint: "UK time, 24-hour clock, for example 14:30. The 24 hours run from POST’s email to this time (13.35, 3.15)." } })),
    checkAnswers: DID_NOT_START_ANSWERS,
    writes: DID_NOT_START_WRITES,
  },
});
