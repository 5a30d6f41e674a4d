import { describe, expect, it } from "vitest";
import {
  bankHolidayVersionSchema,
  createBankHolidaySchema,
  parseBankHolidayFilter,
  updateBankHolidaySchema,
  WEEKEND_HOLIDAY_MESSAGE,
} from "@/lib/domain/forms/bank-holiday-forms";
import { fieldErrorsFrom } from "@/lib/forms/parse-form";

const ID = "3f0e8f6a-5a7c-4c56-9a8e-0c1d2e3f4a5b";

/** A valid post of the add form, as formDataToObject gives it. */
const post = (overrides: Record<string, string> = {}) => ({
  nation: "scotland",
  "date-day": "30",
  "date-month": "11",
  "date-year": "2026",
  title: "St Andrew’s Day",
  notes: "",
  ...overrides,
});

function errorsOf(schema: typeof createBankHolidaySchema | typeof updateBankHolidaySchema, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsFrom(result.error);
}

describe("createBankHolidaySchema", () => {
  it("parses a post into nation, ISO date, trimmed title and notes (empty notes → null)", () => {
    expect(createBankHolidaySchema.parse(post({ title: "  St Andrew’s Day ", notes: " " }))).toEqual({
      nation: "scotland",
      date: "2026-11-30",
      title: "St Andrew’s Day",
      notes: null,
    });
    expect(createBankHolidaySchema.parse(post({ notes: "Substitute day" })).notes).toBe("Substitute day");
    const { notes: _notes, ...withoutNotes } = post();
    expect(createBankHolidaySchema.parse(withoutNotes).notes).toBeNull();
  });

  it("reports every problem at once, in form order, keyed by field (date keyed `date`)", () => {
    expect(errorsOf(createBankHolidaySchema, { "date-day": "", "date-month": "", "date-year": "", title: "" })).toEqual({
      nation: "Select the nation the bank holiday is for",
      date: "Enter the date of the bank holiday",
      title: "Enter the name of the bank holiday",
    });
    expect(Object.keys(errorsOf(createBankHolidaySchema, { title: "x", nation: "wales" }))).toEqual(["nation", "date"]);
  });

  it("gives the GOV.UK date messages", () => {
    expect(errorsOf(createBankHolidaySchema, post({ "date-month": "" })).date).toBe("Date of the bank holiday must include a month");
    expect(errorsOf(createBankHolidaySchema, post({ "date-day": "31" })).date).toBe("Date of the bank holiday must be a real date");
    expect(errorsOf(createBankHolidaySchema, post({ "date-day": "29", "date-month": "2", "date-year": "2027" })).date).toBe(
      "Date of the bank holiday must be a real date",
    );
    expect(errorsOf(createBankHolidaySchema, post({ "date-year": "26" })).date).toBe("Year must include 4 numbers");
  });

  it("keeps to the working-day calendar's range, 2000 to 2099", () => {
    const outside = "Date of the bank holiday must be between 1 January 2000 and 31 December 2099";
    expect(errorsOf(createBankHolidaySchema, post({ "date-day": "31", "date-month": "12", "date-year": "1999" })).date).toBe(outside);
    expect(errorsOf(createBankHolidaySchema, post({ "date-day": "1", "date-month": "1", "date-year": "2100" })).date).toBe(outside);
    expect(createBankHolidaySchema.parse(post({ "date-day": "3", "date-month": "1", "date-year": "2000" })).date).toBe("2000-01-03");
    expect(createBankHolidaySchema.parse(post({ "date-day": "31", "date-month": "12", "date-year": "2099" })).date).toBe("2099-12-31");
  });

  it("refuses a Saturday or Sunday: the feed records a weekend holiday as its substitute weekday", () => {
    // 26 December 2026 is a Saturday, 27 December 2026 a Sunday; 28 December 2026 the substitute Monday.
    expect(errorsOf(createBankHolidaySchema, post({ "date-day": "26", "date-month": "12" })).date).toBe(WEEKEND_HOLIDAY_MESSAGE);
    expect(errorsOf(createBankHolidaySchema, post({ "date-day": "27", "date-month": "12" })).date).toBe(WEEKEND_HOLIDAY_MESSAGE);
    expect(createBankHolidaySchema.parse(post({ "date-day": "28", "date-month": "12" })).date).toBe("2026-12-28");
    expect(WEEKEND_HOLIDAY_MESSAGE).toBe(
      "A bank holiday must fall on a weekday: if the holiday falls at a weekend, add its substitute day",
    );
  });

  it("limits the name and notes to 200 characters", () => {
    expect(createBankHolidaySchema.safeParse(post({ title: "x".repeat(200), notes: "y".repeat(200) })).success).toBe(true);
    expect(errorsOf(createBankHolidaySchema, post({ title: "x".repeat(201) })).title).toBe(
      "The name of the bank holiday must be 200 characters or fewer",
    );
    expect(errorsOf(createBankHolidaySchema, post({ notes: "y".repeat(201) })).notes).toBe("Notes must be 200 characters or fewer");
    expect(errorsOf(createBankHolidaySchema, post({ title: "   " })).title).toBe("Enter the name of the bank holiday");
  });

  it("accepts only the database's nation codes", () => {
    for (const nation of ["england_and_wales", "scotland", "northern_ireland"]) {
      expect(createBankHolidaySchema.parse(post({ nation })).nation).toBe(nation);
    }
    for (const nation of ["england-and-wales", "wales", "Scotland", ""]) {
      expect(errorsOf(createBankHolidaySchema, post({ nation })).nation).toBe("Select the nation the bank holiday is for");
    }
  });

  it("is strict: unknown keys (computed, an id, a raw date) are refused (AC-04)", () => {
    const unknown = "The form contained fields that are not allowed. Reload the page and try again.";
    expect(errorsOf(createBankHolidaySchema, post({ computed: "false" })).form).toBe(unknown);
    expect(errorsOf(createBankHolidaySchema, post({ bankHolidayId: ID })).form).toBe(unknown);
    expect(errorsOf(createBankHolidaySchema, post({ date: "2026-11-30" })).form).toBe(unknown);
  });
});

describe("updateBankHolidaySchema", () => {
  it("adds the record id and the version read", () => {
    expect(updateBankHolidaySchema.parse(post({ bankHolidayId: ID, version: "3" }))).toEqual({
      bankHolidayId: ID,
      version: 3,
      nation: "scotland",
      date: "2026-11-30",
      title: "St Andrew’s Day",
      notes: null,
    });
  });

  it("needs a valid id and version, and stays strict", () => {
    expect(errorsOf(updateBankHolidaySchema, post({ bankHolidayId: "nope", version: "1" })).bankHolidayId).toBe("That record could not be found.");
    expect(errorsOf(updateBankHolidaySchema, post({ bankHolidayId: ID, version: "0" })).version).toBe("Reload the page and try again.");
    expect(errorsOf(updateBankHolidaySchema, post({ bankHolidayId: ID })).version).toBe("Reload the page and try again.");
    expect(errorsOf(updateBankHolidaySchema, post({ bankHolidayId: ID, version: "1", computed: "true" })).form).toBeDefined();
  });

  it("applies the same date rules as adding", () => {
    expect(errorsOf(updateBankHolidaySchema, post({ bankHolidayId: ID, version: "1", "date-day": "28", "date-month": "11" })).date).toBe(
      WEEKEND_HOLIDAY_MESSAGE,
    );
  });
});

describe("bankHolidayVersionSchema (confirm, remove)", () => {
  it("takes exactly an id and a version", () => {
    expect(bankHolidayVersionSchema.parse({ bankHolidayId: ID, version: "2" })).toEqual({ bankHolidayId: ID, version: 2 });
    expect(bankHolidayVersionSchema.safeParse({ bankHolidayId: ID, version: "2", computed: "false" }).success).toBe(false);
    expect(bankHolidayVersionSchema.safeParse({ bankHolidayId: ID }).success).toBe(false);
  });
});

describe("parseBankHolidayFilter (the list page's GET query)", () => {
  it("defaults to every nation and the current year", () => {
    expect(parseBankHolidayFilter({}, 2026)).toEqual({ nation: undefined, year: 2026, fieldErrors: {} });
    expect(parseBankHolidayFilter({ nation: "", year: "" }, 2026)).toEqual({ nation: undefined, year: 2026, fieldErrors: {} });
  });

  it("reads a nation and a year", () => {
    expect(parseBankHolidayFilter({ nation: "scotland", year: "2028" }, 2026)).toEqual({ nation: "scotland", year: 2028, fieldErrors: {} });
    expect(parseBankHolidayFilter({ nation: ["northern_ireland", "scotland"], year: " 2016 " }, 2026)).toMatchObject({
      nation: "northern_ireland",
      year: 2016,
    });
  });

  it("falls back, with an error for the field, on a value it cannot use", () => {
    expect(parseBankHolidayFilter({ nation: "wales", year: "1999" }, 2026)).toEqual({
      nation: undefined,
      year: 2026,
      fieldErrors: { nation: "Select a nation from the list", year: "Year must be a number between 2000 and 2099, like 2026" },
    });
    expect(parseBankHolidayFilter({ year: "26" }, 2026).fieldErrors.year).toBeDefined();
    expect(parseBankHolidayFilter({ year: "2100" }, 2026).year).toBe(2026);
  });
});
