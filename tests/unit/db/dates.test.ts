import { describe, expect, it } from "vitest";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";

/**
 * lib/db/dates.ts: a PostgreSQL DATE reaches JavaScript as a Date at UTC midnight and leaves this
 * boundary as `YYYY-MM-DD`. The conversion is built from the date's UTC parts (cheaper than
 * toISOString, docs/decisions/0035-work-queue-page-cost.md); it must give what toISOString gives.
 */
describe("business dates at the database boundary", () => {
  it("gives toISOString's date for every day from 1999 to 2061, across every BST change", () => {
    const day = 86_400_000;
    const differing: string[] = [];
    for (let at = Date.UTC(1999, 0, 1); at <= Date.UTC(2061, 11, 31); at += day) {
      const date = new Date(at);
      if (isoDateFromDb(date) !== date.toISOString().slice(0, 10)) differing.push(date.toISOString());
    }
    expect(differing).toEqual([]);
  });

  it("reads the UTC date of an instant that is not midnight (late on 31 March in BST is still 31 March in UTC)", () => {
    expect(isoDateFromDb(new Date("2026-03-31T23:30:00.000Z"))).toBe("2026-03-31");
    expect(isoDateFromDb(new Date("2026-10-25T00:30:00.000+01:00"))).toBe("2026-10-24");
  });

  it("pads months and days, and keeps toISOString's form outside the years 1000–9999", () => {
    expect(isoDateFromDb(new Date("2026-01-05T00:00:00.000Z"))).toBe("2026-01-05");
    expect(isoDateFromDb(new Date("1000-01-01T00:00:00.000Z"))).toBe("1000-01-01");
    expect(isoDateFromDb(new Date("9999-12-31T00:00:00.000Z"))).toBe("9999-12-31");
    const early = new Date(Date.UTC(999, 11, 31));
    expect(isoDateFromDb(early)).toBe(early.toISOString().slice(0, 10));
    const late = new Date(Date.UTC(10_000, 0, 1));
    expect(isoDateFromDb(late)).toBe(late.toISOString().slice(0, 10));
  });

  it("passes null through and refuses an invalid date as toISOString does", () => {
    expect(isoDateFromDb(null)).toBeNull();
    expect(() => isoDateFromDb(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("round-trips a business date", () => {
    for (const date of ["2016-02-29", "2026-12-05", "2027-01-01"]) expect(isoDateFromDb(isoDateToDb(date))).toBe(date);
  });
});
