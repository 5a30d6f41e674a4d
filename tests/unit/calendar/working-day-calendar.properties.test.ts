import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedBankHolidays } from "@/lib/calendar/bank-holiday-data";
import { dayOfWeek, formatIsoDate, parseIsoDate } from "@/lib/calendar/iso-date";
import { NATIONS, type Nation } from "@/lib/calendar/nations";
import { shippedCalendar } from "@/lib/calendar/working-day-calendar";

const calendar = shippedCalendar();
const holidaySets = new Map(
  NATIONS.map((nation) => [nation, new Set(shippedBankHolidays().filter((h) => h.nation === nation).map((h) => h.date))]),
);

// Keep a year clear of the index edges (2000-01-01..2099-12-31) so ±400 working days stay in range.
const date = fc
  .integer({ min: parseIsoDate("2002-01-01"), max: parseIsoDate("2097-12-31") })
  .map((dayNumber) => formatIsoDate(dayNumber));
const nation = fc.constantFrom<Nation>(...NATIONS);
const count = fc.integer({ min: -400, max: 400 });

/** Reference model: walk one calendar day at a time. */
function naiveIsWorkingDay(iso: string, where: Nation): boolean {
  const weekday = dayOfWeek(iso);
  return weekday !== 0 && weekday !== 6 && !holidaySets.get(where)?.has(iso);
}
function naiveAddWorkingDays(iso: string, n: number, where: Nation): string {
  let dayNumber = parseIsoDate(iso);
  const step = n >= 0 ? 1 : -1;
  for (let found = 0; found < Math.abs(n); ) {
    dayNumber += step;
    if (naiveIsWorkingDay(formatIsoDate(dayNumber), where)) found++;
  }
  return formatIsoDate(dayNumber);
}

describe("working-day arithmetic properties, for all three nations", () => {
  it("addWorkingDays(d, n) is a working day after d for n ≥ 1", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 400 }), nation, (d, n, where) => {
        const result = calendar.addWorkingDays(d, n, where);
        expect(calendar.isWorkingDay(result, where)).toBe(true);
        expect(result > d).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("workingDaysBetween(d, addWorkingDays(d, n)) === n for every d and n, including weekends and holidays", () => {
    fc.assert(
      fc.property(date, count, nation, (d, n, where) => {
        expect(calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n, where), where)).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });

  it("addWorkingDays is strictly increasing in n", () => {
    fc.assert(
      fc.property(date, count, count, nation, (d, a, b, where) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        expect(calendar.addWorkingDays(d, low, where) < calendar.addWorkingDays(d, high, where)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("composes: adding a then b working days from a working day is adding a + b", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), nation, (d, a, b, where) => {
        const start = calendar.addWorkingDays(d, 1, where);
        expect(calendar.addWorkingDays(calendar.addWorkingDays(start, a, where), b, where)).toBe(
          calendar.addWorkingDays(start, a + b, where),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with a day-by-day walk (the reference model) in both directions", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -60, max: 60 }), nation, (d, n, where) => {
        expect(calendar.addWorkingDays(d, n, where)).toBe(naiveAddWorkingDays(d, n, where));
        expect(calendar.isWorkingDay(d, where)).toBe(naiveIsWorkingDay(d, where));
      }),
      { numRuns: 3000 },
    );
  });

  it("nextWorkingDay skips only non-working days", () => {
    fc.assert(
      fc.property(date, nation, (d, where) => {
        const next = calendar.nextWorkingDay(d, where);
        expect(next).toBe(calendar.addWorkingDays(d, 1, where));
        for (let day = parseIsoDate(d) + 1; day < parseIsoDate(next); day++) {
          expect(calendar.isWorkingDay(formatIsoDate(day), where)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("explainAddWorkingDays accounts for every calendar day in the span", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -40, max: 40 }), nation, (d, n, where) => {
        const explained = calendar.explainAddWorkingDays(d, n, where);
        expect(explained.result).toBe(calendar.addWorkingDays(d, n, where));
        const span = Math.abs(parseIsoDate(explained.result) - parseIsoDate(d));
        const between = n === 0 ? 0 : span - 1;
        const workingInside = Math.max(Math.abs(n) - 1, 0);
        // Backwards from a non-working day, d is not counted; forwards, d is day 0 either way.
        expect(explained.skippedWeekendDays + explained.skippedHolidays.length + workingInside).toBe(between);
        expect(explained.provisional).toBe(explained.uncoveredYears.length > 0);
      }),
      { numRuns: 2000 },
    );
  });
});
