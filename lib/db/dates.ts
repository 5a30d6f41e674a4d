import { formatIsoDate, type IsoDate } from "@/lib/calendar/iso-date";

const MS_PER_DAY = 86_400_000;

/**
 * PostgreSQL DATE columns reach JavaScript as a Date at UTC midnight. Convert at this boundary
 * only, so business dates are plain `YYYY-MM-DD` everywhere else and never drift across BST.
 */
export function isoDateFromDb(value: Date): IsoDate;
export function isoDateFromDb(value: Date | null): IsoDate | null;
export function isoDateFromDb(value: Date | null): IsoDate | null {
  if (!value) return null;
  // The UTC day's number, written by the calendar's own formatter, rather than
  // `toISOString().slice(0, 10)`, which costs ~4× as much (~1.3 µs a call measured): a work queue
  // page converts some 300 dates (docs/decisions/0035-work-queue-page-cost.md).
  const year = value.getUTCFullYear();
  // Years outside formatIsoDate's 0001–9999 and an invalid date (NaN) keep toISOString's form and its RangeError.
  if (!(year >= 1 && year <= 9999)) return value.toISOString().slice(0, 10);
  return formatIsoDate(Math.floor(value.getTime() / MS_PER_DAY));
}

export function isoDateToDb(value: IsoDate): Date;
export function isoDateToDb(value: IsoDate | null | undefined): Date | null;
export function isoDateToDb(value: IsoDate | null | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00.000Z`) : null;
}
