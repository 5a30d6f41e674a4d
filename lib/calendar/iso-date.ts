/**
 * Calendar dates as ISO strings ("2017-05-16") and day numbers (days since 1970-01-01).
 *
 * Why no JavaScript Date: the guidance counts working days between calendar dates
 * (13.13, 13.17, 3.07), and a Date is an instant whose calendar date depends on the
 * process time zone (process.env.TZ) and on British Summer Time. Integer day numbers
 * cannot drift. The one exception is `todayInLondon`, which turns an instant into the
 * UK calendar date (docs/architecture.md, "Time": the UK clock is Europe/London).
 */

/** A calendar date written YYYY-MM-DD. Plain string alias; validate with `isIsoDate`. */
export type IsoDate = string;

const CHAR_0 = 48;
const CHAR_DASH = 45;

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads `count` ASCII digits at `start`; -1 if any is not a digit. */
function readDigits(s: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = s.charCodeAt(i) - CHAR_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Day number of a valid civil date, or NaN. Howard Hinnant's days_from_civil: integer
 * arithmetic over 400-year eras, proleptic Gregorian calendar.
 */
function dayNumberOrNaN(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== CHAR_DASH || s.charCodeAt(7) !== CHAR_DASH) return NaN;
  const year = readDigits(s, 0, 4);
  const month = readDigits(s, 5, 2);
  const day = readDigits(s, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** True for a real calendar date written YYYY-MM-DD (years 0001–9999). */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === "string" && !Number.isNaN(dayNumberOrNaN(s));
}

/** Days since 1970-01-01 (negative before). Throws TypeError naming the offending value. */
export function parseIsoDate(s: IsoDate): number {
  const dayNumber = typeof s === "string" ? dayNumberOrNaN(s) : NaN;
  if (Number.isNaN(dayNumber)) {
    throw new TypeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  }
  return dayNumber;
}

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Hinnant's civil_from_days, the inverse of days_from_civil. */
function civilFromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** The ISO date of a day number. Throws RangeError outside years 0001–9999. */
export function formatIsoDate(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) {
    throw new RangeError(`A day number must be an integer, got ${String(dayNumber)}`);
  }
  const { year, month, day } = civilFromDayNumber(dayNumber);
  if (year < 1 || year > 9999) {
    throw new RangeError(`Day number ${dayNumber} is outside years 0001–9999`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** 0 = Sunday … 6 = Saturday (the same numbering as Date#getDay and date-fns getDay). */
export function dayOfWeek(iso: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((parseIsoDate(iso) + 4) % 7) + 7) % 7;
}

/** "Tuesday 16 May 2017" — GOV.UK date style, computed without Date so it cannot drift. */
export function formatLongDate(iso: IsoDate): string {
  const dayNumber = parseIsoDate(iso);
  const { year, month, day } = civilFromDayNumber(dayNumber);
  const weekday = WEEKDAY_NAMES[(((dayNumber + 4) % 7) + 7) % 7];
  return `${weekday} ${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

let londonDateFormat: Intl.DateTimeFormat | undefined;

/**
 * The UK calendar date (Europe/London, GMT or BST) at the instant `now`, whatever the
 * process time zone. The only function here that touches a Date.
 */
export function todayInLondon(now: Date): IsoDate {
  if (Number.isNaN(now.getTime())) throw new RangeError("todayInLondon needs a valid Date");
  londonDateFormat ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  let year = "";
  let month = "";
  let day = "";
  for (const part of londonDateFormat.formatToParts(now)) {
    if (part.type === "year") year = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  const iso = `${year.padStart(4, "0")}-${month}-${day}`;
  return formatIsoDate(parseIsoDate(iso));
}
