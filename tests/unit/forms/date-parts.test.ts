import { describe, expect, it } from "vitest";
import { z } from "zod";
import { datePartsInError, isoDateFromParts, parseDateParts, withDateParts } from "@/lib/domain/forms/date-parts";

const options = { label: "the date of the bank holiday" };
const parse = (day?: string, month?: string, year?: string) => parseDateParts({ day, month, year }, options);

describe("parseDateParts: GOV.UK date input → ISO date, without a JavaScript Date", () => {
  it("turns the three parts into YYYY-MM-DD, as typed with or without leading zeros and spaces", () => {
    expect(parse("30", "11", "2026")).toEqual({ ok: true, date: "2026-11-30" });
    expect(parse("1", "1", "2027")).toEqual({ ok: true, date: "2027-01-01" });
    expect(parse(" 05 ", "08", " 2030 ")).toEqual({ ok: true, date: "2030-08-05" });
  });

  it("accepts a month written as a word or an abbreviation (GOV.UK date input guidance)", () => {
    expect(parse("25", "December", "2026")).toEqual({ ok: true, date: "2026-12-25" });
    expect(parse("25", "dec", "2026")).toEqual({ ok: true, date: "2026-12-25" });
    expect(parse("1", "Sept", "2026")).toEqual({ ok: true, date: "2026-09-01" });
    expect(parse("1", "Ju", "2026")).toMatchObject({ ok: false, message: "Date of the bank holiday must be a real date" });
  });

  it("asks for the date when nothing is entered", () => {
    expect(parse()).toEqual({ ok: false, message: "Enter the date of the bank holiday", parts: [] });
    expect(parse(" ", "", "  ")).toEqual({ ok: false, message: "Enter the date of the bank holiday", parts: [] });
  });

  it("names the missing parts", () => {
    expect(parse("30", "", "2026")).toEqual({ ok: false, message: "Date of the bank holiday must include a month", parts: ["month"] });
    expect(parse("", "", "2026")).toEqual({ ok: false, message: "Date of the bank holiday must include a day and month", parts: ["day", "month"] });
    expect(parse("30", "11", "")).toEqual({ ok: false, message: "Date of the bank holiday must include a year", parts: ["year"] });
    expect(parse("", "11", "")).toMatchObject({ message: "Date of the bank holiday must include a day and year" });
  });

  it("needs a 4-digit year", () => {
    expect(parse("30", "11", "26")).toEqual({ ok: false, message: "Year must include 4 numbers", parts: ["year"] });
    expect(parse("30", "11", "20266")).toMatchObject({ message: "Year must include 4 numbers" });
  });

  it("refuses impossible dates and anything that is not a number as 'a real date'", () => {
    const realDate = "Date of the bank holiday must be a real date";
    for (const [day, month, year] of [
      ["31", "11", "2026"],
      ["29", "2", "2027"],
      ["0", "1", "2026"],
      ["1", "13", "2026"],
      ["1", "0", "2026"],
      ["x", "1", "2026"],
      ["1.5", "1", "2026"],
      ["123", "1", "2026"],
      ["1", "1", "2O26"],
      ["-1", "1", "2026"],
    ]) {
      expect(parse(day, month, year), `${day} ${month} ${year}`).toMatchObject({ ok: false, message: realDate });
    }
    // A leap day is real in a leap year only (400-year rule included).
    expect(parse("29", "2", "2028")).toEqual({ ok: true, date: "2028-02-29" });
    expect(parse("29", "2", "2000")).toEqual({ ok: true, date: "2000-02-29" });
  });

  it("keeps to min and max, inclusive, with dates in the message", () => {
    const ranged = { ...options, min: "2000-01-01", max: "2099-12-31" };
    expect(parseDateParts({ day: "31", month: "12", year: "1999" }, ranged)).toMatchObject({
      message: "Date of the bank holiday must be between 1 January 2000 and 31 December 2099",
    });
    expect(parseDateParts({ day: "1", month: "1", year: "2100" }, ranged)).toMatchObject({ ok: false });
    expect(parseDateParts({ day: "1", month: "1", year: "2000" }, ranged)).toEqual({ ok: true, date: "2000-01-01" });
    expect(parseDateParts({ day: "31", month: "12", year: "2099" }, ranged)).toEqual({ ok: true, date: "2099-12-31" });
    expect(parseDateParts({ day: "1", month: "1", year: "2020" }, { ...options, min: "2021-03-04" })).toMatchObject({
      message: "Date of the bank holiday must be the same as or after 4 March 2021",
    });
    expect(parseDateParts({ day: "1", month: "1", year: "2022" }, { ...options, max: "2021-03-04" })).toMatchObject({
      message: "Date of the bank holiday must be the same as or before 4 March 2021",
    });
  });

  it("takes an explicit subject for the messages", () => {
    expect(parseDateParts({ day: "1", month: "", year: "2026" }, { label: "your date of birth", subject: "Date of birth" })).toMatchObject({
      message: "Date of birth must include a month",
    });
  });

  it("does not depend on the process time zone (no Date involved)", () => {
    const before = process.env.TZ;
    try {
      for (const zone of ["Pacific/Kiritimati", "America/Adak", "Europe/London"]) {
        process.env.TZ = zone;
        expect(parse("29", "3", "2026")).toEqual({ ok: true, date: "2026-03-29" });
      }
    } finally {
      process.env.TZ = before;
    }
  });
});

describe("withDateParts + isoDateFromParts: a form post's `date-day|month|year` → `date`", () => {
  const schema = withDateParts(["date"], z.object({ date: isoDateFromParts(options), note: z.string().optional() }).strict());
  const fieldErrors = (input: unknown) => {
    const result = schema.safeParse(input);
    return result.success ? undefined : result.error.issues.map((issue) => ({ path: issue.path, code: issue.code, message: issue.message }));
  };

  it("produces `date` from the three keys and drops them", () => {
    expect(schema.parse({ "date-day": "7", "date-month": "3", "date-year": "2025", note: "x" })).toEqual({ date: "2025-03-07", note: "x" });
  });

  it("keys every date error to `date`, so the error summary links to #date (the day input)", () => {
    expect(fieldErrors({})).toEqual([{ path: ["date"], code: "custom", message: "Enter the date of the bank holiday" }]);
    expect(fieldErrors({ "date-day": "31", "date-month": "2", "date-year": "2026" })).toEqual([
      { path: ["date"], code: "custom", message: "Date of the bank holiday must be a real date" },
    ]);
  });

  it("stays strict: unknown keys are refused, including a raw `date` posted alongside the parts", () => {
    expect(fieldErrors({ "date-day": "7", "date-month": "3", "date-year": "2025", other: "1" })?.[0].code).toBe("unrecognized_keys");
    expect(fieldErrors({ date: "2025-03-07" })?.map((issue) => issue.code)).toContain("unrecognized_keys");
    expect(fieldErrors({ "date-day": "7", "date-month": "3", "date-year": "2025", date: "2025-03-07" })?.[0].code).toBe("unrecognized_keys");
  });

  it("refuses parts that are not strings", () => {
    expect(schema.safeParse({ "date-day": 7, "date-month": "3", "date-year": "2025" }).success).toBe(false);
    expect(schema.safeParse({ "date-day": ["7", "8"], "date-month": "3", "date-year": "2025" }).success).toBe(false);
  });

  it("passes anything that is not an object on to the schema to refuse", () => {
    expect(schema.safeParse(null).success).toBe(false);
    expect(schema.safeParse("2025-03-07").success).toBe(false);
  });
});

describe("datePartsInError: which inputs to highlight", () => {
  it("marks only the missing parts, or the year, and otherwise all three (empty list)", () => {
    expect(datePartsInError("Date of the bank holiday must include a month", { day: "1", month: "", year: "2026" })).toEqual(["month"]);
    expect(datePartsInError("Date of the bank holiday must include a day and year", { month: "3" })).toEqual(["day", "year"]);
    expect(datePartsInError("Year must include 4 numbers", { day: "1", month: "1", year: "26" })).toEqual(["year"]);
    expect(datePartsInError("Date of the bank holiday must be a real date", { day: "31", month: "2", year: "2026" })).toEqual([]);
    expect(datePartsInError(undefined, {})).toEqual([]);
  });
});
