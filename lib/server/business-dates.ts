import type { IsoDate } from "@/lib/calendar/iso-date";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { UseCaseError } from "./use-case-error";

/**
 * Server-side checks on a business date that the form cannot make alone (it does not know today
 * in London, or the case's earlier dates). Each refusal is INVALID with the message on its field.
 */
export function refuseFutureDate(field: string, subject: string, date: IsoDate, today: IsoDate): void {
  if (date > today) refuseField(field, `${subject} must be today or in the past`);
}

/** `what` names the earlier date in words, e.g. "the referral date". */
export function refuseDateBefore(field: string, subject: string, date: IsoDate, earliest: IsoDate, what: string): void {
  if (date < earliest) refuseField(field, `${subject} must be the same as or after ${what}, ${formatLongDate(earliest)}`);
}

export function refuseField(field: string, message: string): never {
  throw new UseCaseError("INVALID", message, { [field]: message });
}
