import { z } from "zod";
import { dayOfWeek, type IsoDate } from "@/lib/calendar/iso-date";
import { CALENDAR_FIRST_DATE, CALENDAR_LAST_DATE } from "@/lib/calendar/working-day-calendar";
import type { NationCode } from "@/lib/domain/nation";
import { isoDateFromParts, withDateParts } from "./date-parts";
import { optionalText, recordId, recordVersion, requiredText } from "./fields";
import { queryValue } from "@/lib/forms/query-value";

/**
 * Forms an administrator uses for the bank-holiday calendar (docs/rules/clocks.md). `.strict()`: no extra keys
 * (AC-04). The date arrives as the GOV.UK date input's three fields (`date-day`, `date-month`,
 * `date-year`) and leaves as one ISO date `date`.
 */

export const NATION_CODES = ["england_and_wales", "scotland", "northern_ireland"] as const satisfies readonly NationCode[];

export const BANK_HOLIDAY_TITLE_MAX = 200;
export const BANK_HOLIDAY_NOTES_MAX = 200;

export const WEEKEND_HOLIDAY_MESSAGE =
  "A bank holiday must fall on a weekday: if the holiday falls at a weekend, add its substitute day";

const FIRST_YEAR = Number(CALENDAR_FIRST_DATE.slice(0, 4));
const LAST_YEAR = Number(CALENDAR_LAST_DATE.slice(0, 4));

const nation = z.enum(NATION_CODES, { error: "Select the nation the bank holiday is for" });

function isWeekday(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day !== 0 && day !== 6;
}

/** The working-day calendar's range (docs/decisions/0003-calendar-coverage.md), weekdays only. */
export const bankHolidayDate = isoDateFromParts({
  label: "the date of the bank holiday",
  min: CALENDAR_FIRST_DATE,
  max: CALENDAR_LAST_DATE,
}).refine(isWeekday, WEEKEND_HOLIDAY_MESSAGE);

const bankHolidayFields = {
  nation,
  date: bankHolidayDate,
  title: requiredText("the name of the bank holiday", BANK_HOLIDAY_TITLE_MAX),
  notes: optionalText("notes", BANK_HOLIDAY_NOTES_MAX),
};

export const createBankHolidaySchema = withDateParts(["date"], z.object(bankHolidayFields).strict());

export const updateBankHolidaySchema = withDateParts(
  ["date"],
  z.object({ bankHolidayId: recordId, version: recordVersion, ...bankHolidayFields }).strict(),
);

/** Confirming a computed date and removing a holiday name the record and the version read. */
export const bankHolidayVersionSchema = z.object({ bankHolidayId: recordId, version: recordVersion }).strict();

export type CreateBankHolidayInput = z.output<typeof createBankHolidaySchema>;
export type UpdateBankHolidayInput = z.output<typeof updateBankHolidaySchema>;
export type BankHolidayVersionInput = z.output<typeof bankHolidayVersionSchema>;

export interface BankHolidayFilter {
  /** undefined: every nation */
  nation: NationCode | undefined;
  year: number;
  /** Set for a query value we could not use (the default was used instead), keyed by field. */
  fieldErrors: { nation?: string; year?: string };
}

/**
 * The list page's filter from its GET query (`?nation=scotland&year=2026`): no personal data, so a
 * query string is fine. Anything unusable falls back to every nation / the current year, with an
 * error to show against the field.
 */
export function parseBankHolidayFilter(
  query: Record<string, string | string[] | undefined>,
  currentYear: number,
): BankHolidayFilter {
  const rawNation = queryValue(query.nation)?.trim() ?? "";
  const rawYear = queryValue(query.year)?.trim() ?? "";
  const parsedNation = nation.safeParse(rawNation);
  const filter: BankHolidayFilter = { nation: parsedNation.success ? parsedNation.data : undefined, year: currentYear, fieldErrors: {} };
  if (rawNation !== "" && rawNation !== "all" && !parsedNation.success) filter.fieldErrors.nation = "Select a nation from the list";
  if (rawYear !== "") {
    const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
    if (year >= FIRST_YEAR && year <= LAST_YEAR) filter.year = year;
    else filter.fieldErrors.year = `Year must be a number between ${FIRST_YEAR} and ${LAST_YEAR}, like ${currentYear}`;
  }
  return filter;
}

export const CALENDAR_YEARS = { first: FIRST_YEAR, last: LAST_YEAR } as const;
