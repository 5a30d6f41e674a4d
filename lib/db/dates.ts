import type { IsoDate } from "@/lib/calendar/iso-date";

/**
 * PostgreSQL DATE columns reach JavaScript as a Date at UTC midnight. Convert at this boundary
 * only, so business dates are plain `YYYY-MM-DD` everywhere else and never drift across BST.
 */
export function isoDateFromDb(value: Date): IsoDate;
export function isoDateFromDb(value: Date | null): IsoDate | null;
export function isoDateFromDb(value: Date | null): IsoDate | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export function isoDateToDb(value: IsoDate): Date;
export function isoDateToDb(value: IsoDate | null | undefined): Date | null;
export function isoDateToDb(value: IsoDate | null | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00.000Z`) : null;
}
