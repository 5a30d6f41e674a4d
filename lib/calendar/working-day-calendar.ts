/**
 * Working days per UK nation: Monday to Friday, excluding that nation's bank holidays
 * (docs/rules/clocks.md). Every SES clock counts in these (13.13, 13.14, 13.17, 13.67,
 * 3.07).
 *
 * Counting convention (docs/rules/decisions.md: day 0): day 0 is the
 * start date itself and is not counted; "within N working days of D" means "by the N-th
 * working day after D". `addWorkingDays(d, n)` returns that day, and
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every d and n.
 *
 * Coverage decision (docs/decisions/0003-calendar-coverage.md): a nation's year is
 * "covered" when at least one of its bank holidays for that year is loaded. Outside
 * covered years we count weekends only and FLAG the result as provisional
 * (`explainAddWorkingDays(...).provisional`), never silently; an administrator adds the
 * missing year. Dates outside 2000-01-01..2099-12-31 throw a RangeError; malformed dates
 * throw a TypeError naming the value.
 *
 * Performance: per nation we build, once, a prefix count of working days per day number
 * (Int32Array) and the ordered list of working-day numbers, so `addWorkingDays` and
 * `workingDaysBetween` are O(1) after an O(1) string parse: no day-by-day loops per call.
 */
import { formatIsoDate, parseIsoDate, type IsoDate } from "./iso-date";
import { isNation, NATIONS, type Nation } from "./nations";
import { shippedBankHolidays } from "./bank-holiday-data";

export const CALENDAR_FIRST_DATE: IsoDate = "2000-01-01";
export const CALENDAR_LAST_DATE: IsoDate = "2099-12-31";

const FIRST_DAY = parseIsoDate(CALENDAR_FIRST_DATE);
const LAST_DAY = parseIsoDate(CALENDAR_LAST_DATE);
const SPAN = LAST_DAY - FIRST_DAY + 1;

/** A bank holiday as the calendar needs it; `computed` defaults to false. */
export interface CalendarHoliday {
  nation: Nation;
  date: IsoDate;
  title: string;
  computed?: boolean;
}

export interface HolidayInfo {
  title: string;
  /** Computed from the statutory rules, awaiting an administrator's confirmation. */
  computed: boolean;
}

export interface SkippedHoliday {
  date: IsoDate;
  title: string;
  computed: boolean;
}

/** Everything a "why this date" explanation needs. */
export interface WorkingDayExplanation {
  from: IsoDate;
  n: number;
  result: IsoDate;
  /** Saturdays and Sundays strictly between `from` and `result`. */
  skippedWeekendDays: number;
  /** Weekday bank holidays strictly between `from` and `result`, in date order. */
  skippedHolidays: SkippedHoliday[];
  /** True when any day from `from` to `result` lies in a year not covered for the nation. */
  provisional: boolean;
  uncoveredYears: number[];
}

export interface WorkingDayCalendar {
  isWorkingDay(date: IsoDate, nation: Nation): boolean;
  /**
   * The n-th working day after `date` (n = 0: `date` itself; n < 0: the |n|-th working day
   * before it). A start date on a weekend or holiday is fine: the 1st working day after it
   * is the next working day.
   */
  addWorkingDays(date: IsoDate, n: number, nation: Nation): IsoDate;
  /**
   * Signed count of working days reached when moving from `from` to `to`: the working days
   * in (from, to] when to ≥ from, and minus those in [to, from) when to < from. So
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n` for all d and n, including a d on a
   * weekend (Saturday → Friday is -1, Friday → Saturday is 0).
   */
  workingDaysBetween(from: IsoDate, to: IsoDate, nation: Nation): number;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate, nation: Nation): IsoDate;
  holidayOn(date: IsoDate, nation: Nation): HolidayInfo | null;
  /** Whether the nation's bank holidays for the year of `date` are loaded. */
  isCovered(date: IsoDate, nation: Nation): boolean;
  explainAddWorkingDays(date: IsoDate, n: number, nation: Nation): WorkingDayExplanation;
}

interface NationIndex {
  /** 1 when the day at that index is a working day. */
  working: Uint8Array;
  /** Number of working days at indexes 0..i inclusive. */
  workingUpTo: Int32Array;
  /** Indexes of all working days, ascending. */
  workingDays: Int32Array;
  holidays: Map<number, HolidayInfo>;
  coveredYears: ReadonlySet<number>;
}

let isoByIndexTable: IsoDate[] | undefined;

/** ISO strings for every day in range, built once and shared by all calendars. */
function isoByIndex(): IsoDate[] {
  if (!isoByIndexTable) {
    isoByIndexTable = new Array<IsoDate>(SPAN);
    for (let i = 0; i < SPAN; i++) isoByIndexTable[i] = formatIsoDate(FIRST_DAY + i);
  }
  return isoByIndexTable;
}

function isWeekendIndex(index: number): boolean {
  // Day number 0 (1970-01-01) was a Thursday; +4 gives 0 = Sunday … 6 = Saturday.
  const weekday = (FIRST_DAY + index + 4) % 7;
  return weekday === 0 || weekday === 6;
}

function yearOfIndex(index: number): number {
  return Number(isoByIndex()[index].slice(0, 4));
}

function indexOf(date: IsoDate): number {
  const dayNumber = parseIsoDate(date);
  if (dayNumber < FIRST_DAY || dayNumber > LAST_DAY) {
    throw new RangeError(
      `Date ${date} is outside the working-day calendar's range ${CALENDAR_FIRST_DATE} to ${CALENDAR_LAST_DATE}`,
    );
  }
  return dayNumber - FIRST_DAY;
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n)) {
    throw new TypeError(`A number of working days must be an integer, got ${String(n)}`);
  }
}

function buildNationIndex(rows: readonly CalendarHoliday[]): NationIndex {
  const holidays = new Map<number, HolidayInfo>();
  const coveredYears = new Set<number>();
  for (const row of rows) {
    const index = indexOf(row.date);
    if (holidays.has(index)) {
      throw new RangeError(`Bank holiday ${row.date} is listed twice for ${row.nation}`);
    }
    holidays.set(index, { title: row.title, computed: row.computed ?? false });
    coveredYears.add(Number(row.date.slice(0, 4)));
  }
  const working = new Uint8Array(SPAN);
  const workingUpTo = new Int32Array(SPAN);
  let count = 0;
  for (let i = 0; i < SPAN; i++) {
    if (!isWeekendIndex(i) && !holidays.has(i)) {
      working[i] = 1;
      count++;
    }
    workingUpTo[i] = count;
  }
  const workingDays = new Int32Array(count);
  for (let i = 0, k = 0; i < SPAN; i++) if (working[i] === 1) workingDays[k++] = i;
  return { working, workingUpTo, workingDays, holidays, coveredYears };
}

export function createWorkingDayCalendar(holidays: readonly CalendarHoliday[]): WorkingDayCalendar {
  const rowsByNation = new Map<Nation, CalendarHoliday[]>(NATIONS.map((nation) => [nation, []]));
  for (const row of holidays) {
    if (!isNation(row.nation)) throw new TypeError(`Unknown nation in bank holiday data: ${JSON.stringify(row.nation)}`);
    if (typeof row.title !== "string" || row.title.trim() === "") {
      throw new TypeError(`Bank holiday ${JSON.stringify(row.date)} for ${row.nation} has no title`);
    }
    rowsByNation.get(row.nation)?.push(row);
  }
  const indexes: Readonly<Record<Nation, NationIndex>> = {
    "england-and-wales": buildNationIndex(rowsByNation.get("england-and-wales") ?? []),
    scotland: buildNationIndex(rowsByNation.get("scotland") ?? []),
    "northern-ireland": buildNationIndex(rowsByNation.get("northern-ireland") ?? []),
  };
  const iso = isoByIndex();

  function forNation(nation: Nation): NationIndex {
    const index = indexes[nation];
    if (index === undefined || !isNation(nation)) throw new TypeError(`Unknown nation: ${JSON.stringify(nation)}`);
    return index;
  }

  /** Working days strictly before index i. */
  function workingBefore(nationIndex: NationIndex, i: number): number {
    return i > 0 ? nationIndex.workingUpTo[i - 1] : 0;
  }

  function addWorkingDays(date: IsoDate, n: number, nation: Nation): IsoDate {
    const nationIndex = forNation(nation);
    const i = indexOf(date);
    checkCount(n);
    if (n === 0) return iso[i];
    // workingDays[k] is the (k+1)-th working day in range; workingUpTo[i] of them are ≤ i.
    const k = n > 0 ? nationIndex.workingUpTo[i] + n - 1 : workingBefore(nationIndex, i) + n;
    if (k < 0 || k >= nationIndex.workingDays.length) {
      throw new RangeError(
        `${n} working days from ${date} falls outside the working-day calendar's range ${CALENDAR_FIRST_DATE} to ${CALENDAR_LAST_DATE}`,
      );
    }
    return iso[nationIndex.workingDays[k]];
  }

  function workingDaysBetween(from: IsoDate, to: IsoDate, nation: Nation): number {
    const nationIndex = forNation(nation);
    const fromIndex = indexOf(from);
    const toIndex = indexOf(to);
    if (toIndex >= fromIndex) return nationIndex.workingUpTo[toIndex] - nationIndex.workingUpTo[fromIndex];
    return workingBefore(nationIndex, toIndex) - workingBefore(nationIndex, fromIndex);
  }

  function isCoveredIndex(nationIndex: NationIndex, i: number): boolean {
    return nationIndex.coveredYears.has(yearOfIndex(i));
  }

  function explainAddWorkingDays(date: IsoDate, n: number, nation: Nation): WorkingDayExplanation {
    const nationIndex = forNation(nation);
    const result = addWorkingDays(date, n, nation);
    const fromIndex = indexOf(date);
    const resultIndex = indexOf(result);
    const low = Math.min(fromIndex, resultIndex);
    const high = Math.max(fromIndex, resultIndex);
    let skippedWeekendDays = 0;
    const skippedHolidays: SkippedHoliday[] = [];
    // For display only: walk the days strictly between the start and the result.
    for (let i = low + 1; i < high; i++) {
      if (isWeekendIndex(i)) {
        skippedWeekendDays++;
      } else {
        const holiday = nationIndex.holidays.get(i);
        if (holiday) skippedHolidays.push({ date: iso[i], title: holiday.title, computed: holiday.computed });
      }
    }
    const uncoveredYears: number[] = [];
    for (let year = yearOfIndex(low); year <= yearOfIndex(high); year++) {
      if (!nationIndex.coveredYears.has(year)) uncoveredYears.push(year);
    }
    return {
      from: iso[fromIndex],
      n,
      result,
      skippedWeekendDays,
      skippedHolidays,
      provisional: uncoveredYears.length > 0,
      uncoveredYears,
    };
  }

  return {
    isWorkingDay(date, nation) {
      const nationIndex = forNation(nation);
      return nationIndex.working[indexOf(date)] === 1;
    },
    addWorkingDays,
    workingDaysBetween,
    nextWorkingDay(date, nation) {
      return addWorkingDays(date, 1, nation);
    },
    holidayOn(date, nation) {
      const nationIndex = forNation(nation);
      const holiday = nationIndex.holidays.get(indexOf(date));
      return holiday ? { title: holiday.title, computed: holiday.computed } : null;
    },
    isCovered(date, nation) {
      const nationIndex = forNation(nation);
      return isCoveredIndex(nationIndex, indexOf(date));
    },
    explainAddWorkingDays,
  };
}

let shipped: WorkingDayCalendar | undefined;

/** The calendar built from the bank holidays shipped in the repository, built once. */
export function shippedCalendar(): WorkingDayCalendar {
  shipped ??= createWorkingDayCalendar(shippedBankHolidays());
  return shipped;
}
