import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dayOfWeek,
  formatIsoDate,
  formatLongDate,
  isIsoDate,
  parseIsoDate,
  todayInLondon,
} from "@/lib/calendar/iso-date";

describe("ISO calendar dates without JavaScript Date", () => {
  it("numbers days from 1970-01-01", () => {
    expect(parseIsoDate("1970-01-01")).toBe(0);
    expect(parseIsoDate("1970-01-02")).toBe(1);
    expect(parseIsoDate("1969-12-31")).toBe(-1);
    expect(parseIsoDate("2000-03-01")).toBe(11017);
    expect(formatIsoDate(11017)).toBe("2000-03-01");
  });

  it("agrees with Date.UTC for any date in years 1–9999 (cross-check only; the code uses no Date)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (dayNumber) => {
        const iso = formatIsoDate(dayNumber);
        const date = new Date(dayNumber * 86_400_000);
        const viaDate = `${String(date.getUTCFullYear()).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
        expect(iso).toBe(viaDate);
        expect(parseIsoDate(iso)).toBe(dayNumber);
        expect(dayOfWeek(iso)).toBe(date.getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts real dates only, including 29 February in leap years", () => {
    expect(isIsoDate("2016-02-29")).toBe(true);
    expect(isIsoDate("2000-02-29")).toBe(true);
    for (const bad of ["2017-02-29", "1900-02-29", "2017-04-31", "2017-13-01", "2017-00-10", "2017-4-13", "13/04/2017", "2017-04-13T00:00:00Z", " 2017-04-13", "", "0000-01-01"]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
    expect(isIsoDate(20170413)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it("throws a TypeError naming the offending value", () => {
    expect(() => parseIsoDate("2017-02-29")).toThrow(TypeError);
    expect(() => parseIsoDate("2017-02-29")).toThrow(/"2017-02-29"/);
    expect(() => parseIsoDate("13/04/2017")).toThrow(/13\/04\/2017/);
  });

  it("refuses non-integer day numbers and years beyond 9999", () => {
    expect(() => formatIsoDate(1.5)).toThrow(RangeError);
    expect(() => formatIsoDate(Number.NaN)).toThrow(RangeError);
    expect(() => formatIsoDate(parseIsoDate("9999-12-31") + 1)).toThrow(RangeError);
  });

  it("gives the day of the week, 0 = Sunday", () => {
    expect(dayOfWeek("2017-04-13")).toBe(4); // Thursday
    expect(dayOfWeek("2017-03-26")).toBe(0); // Sunday, BST starts
    expect(dayOfWeek("2017-10-29")).toBe(0); // Sunday, BST ends
    expect(dayOfWeek("1969-12-28")).toBe(0);
  });

  it("writes long dates in GOV.UK style: 'Tuesday 16 May 2017'", () => {
    expect(formatLongDate("2017-05-16")).toBe("Tuesday 16 May 2017");
    expect(formatLongDate("2017-12-06")).toBe("Wednesday 6 December 2017");
    expect(formatLongDate("2016-02-29")).toBe("Monday 29 February 2016");
  });
});

describe("today in London (docs/architecture.md 'Time': the UK clock is Europe/London)", () => {
  it("is the GMT date in winter", () => {
    expect(todayInLondon(new Date("2017-03-25T23:30:00Z"))).toBe("2017-03-25");
    expect(todayInLondon(new Date("2017-01-01T00:00:00Z"))).toBe("2017-01-01");
  });

  it("is the BST date in summer, an hour ahead of UTC", () => {
    expect(todayInLondon(new Date("2017-06-30T23:30:00Z"))).toBe("2017-07-01");
    expect(todayInLondon(new Date("2017-06-30T22:59:59Z"))).toBe("2017-06-30");
  });

  it("follows both 2017 clock changes (26 March and 29 October)", () => {
    // BST starts 01:00 UTC on 26 March 2017.
    expect(todayInLondon(new Date("2017-03-26T00:59:59Z"))).toBe("2017-03-26");
    expect(todayInLondon(new Date("2017-03-26T23:00:00Z"))).toBe("2017-03-27");
    // BST ends 01:00 UTC on 29 October 2017; 23:30 UTC on the 28th is 00:30 BST on the 29th.
    expect(todayInLondon(new Date("2017-10-28T23:30:00Z"))).toBe("2017-10-29");
    expect(todayInLondon(new Date("2017-10-29T23:30:00Z"))).toBe("2017-10-29");
  });

  it("rejects an invalid Date", () => {
    expect(() => todayInLondon(new Date("not a date"))).toThrow(RangeError);
  });
});
