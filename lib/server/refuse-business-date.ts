import type { IsoDate } from "@/lib/calendar/iso-date";
import { dateBeforeProblem, futureDateProblem } from "@/lib/domain/business-dates";
import { refuseField } from "./use-case-error";

/**
 * The business-date rules (lib/domain/business-dates.ts) as use-case refusals: each is INVALID
 * with the message on its field, for checks the form cannot make alone (it does not know today
 * in London, or the case's earlier dates).
 */
export function refuseFutureDate(field: string, subject: string, date: IsoDate, today: IsoDate): void {
  const problem = futureDateProblem(subject, date, today);
  if (problem) refuseField(field, problem);
}

/** `what` names the earlier date in words, e.g. "the referral date". */
export function refuseDateBefore(field: string, subject: string, date: IsoDate, earliest: IsoDate, what: string): void {
  const problem = dateBeforeProblem(subject, date, earliest, what);
  if (problem) refuseField(field, problem);
}
