import { formatLongDate, type IsoDate } from "@/lib/calendar/iso-date";

/**
 * The two rules every recorded business date shares, in one wording (docs/rules/decisions.md):
 * an event is recorded when it has happened, so its date is never in the future; and nothing
 * about a referral happens before it, so no date is earlier than the date it follows. Pure:
 * callers pass today in London (the domain never reads the clock). Each returns the message for
 * the field, or null when the date is fine.
 */
export function futureDateProblem(subject: string, date: IsoDate, today: IsoDate): string | null {
  return date > today ? `${subject} must be today or in the past` : null;
}

/** `what` names the earlier date in words, e.g. "the referral date". */
export function dateBeforeProblem(subject: string, date: IsoDate, earliest: IsoDate, what: string): string | null {
  return date < earliest ? `${subject} must be the same as or after ${what}, ${formatLongDate(earliest)}` : null;
}
