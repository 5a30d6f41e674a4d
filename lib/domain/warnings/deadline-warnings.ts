import { formatLongDate, type IsoDate } from "@/lib/calendar/iso-date";

/**
 * Warnings the guidance implies (docs/rules/clocks.md: warnings before saving). A date agreed or
 * planned after the deadline it must meet is not refused — the provider may have no earlier
 * slot — but the user is warned and must confirm before it is saved; the audit row keeps the
 * warning. Pure: the stored due dates are passed in.
 */

/** 13.17: the Initial Assessment agreed on the Warm Handover is after the 10-working-day meeting deadline. */
export function lateInitialAssessmentWarning(assessmentOn: IsoDate, meetDueOn: IsoDate | null | undefined): string | null {
  if (!meetDueOn || assessmentOn <= meetDueOn) return null;
  return `The Initial Assessment date, ${formatLongDate(assessmentOn)}, is after the deadline to meet within 10 working days of receiving the referral, ${formatLongDate(meetDueOn)} (13.17)`;
}

/** 13.13, 3.07: the anticipated start (UC452 part 6) is after the 20-working-day start deadline. */
export function lateAnticipatedStartWarning(anticipatedStartOn: IsoDate, startDueOn: IsoDate | null | undefined): string | null {
  if (!startDueOn || anticipatedStartOn <= startDueOn) return null;
  return `The anticipated start date, ${formatLongDate(anticipatedStartOn)}, is after the start deadline, ${formatLongDate(startDueOn)}: the participant should start within 20 working days of the referral (13.13)`;
}

/** What the user ticks to record the date anyway. */
export const CONFIRM_LATE_TEXT = "I know this is after the deadline and want to record it";

/** 13.67: the UCPR1 arrived after the day its duplicate should have been requested. */
export function lateUcpr1Flag(ucpr1ReceivedOn: IsoDate | null, ucpr1ChaseDueOn: IsoDate | null): string | null {
  if (!ucpr1ReceivedOn || !ucpr1ChaseDueOn || ucpr1ReceivedOn <= ucpr1ChaseDueOn) return null;
  return `Received late: after ${formatLongDate(ucpr1ChaseDueOn)}, the 4th working day (13.14, 13.67)`;
}
