import { addDays, eachDayOfInterval, format, isWeekend } from "date-fns";
import { describe, expect, it } from "vitest";
import { shippedBankHolidays } from "@/lib/calendar/bank-holiday-data";
import { NATIONS } from "@/lib/calendar/nations";
import { createWorkingDayCalendar, shippedCalendar } from "@/lib/calendar/working-day-calendar";

// Every expected date below was checked by hand against lib/calendar/data/*.json and a
// printed calendar; the comment beside each lists the days counted.
const calendar = shippedCalendar();
const EW = "england-and-wales";
const SCOT = "scotland";
const NI = "northern-ireland";

describe("worked examples in docs/rules/clocks.md (day 0 not counted)", () => {
  it("start is due 20 working days after the referral date, skipping Easter Monday in England but not Scotland (13.13)", () => {
    // Thu 13 Apr 2017. E&W skips Good Friday 14 Apr, Easter Monday 17 Apr, Early May 1 May.
    expect(calendar.addWorkingDays("2017-04-13", 20, EW)).toBe("2017-05-16");
    // Scotland has no Easter Monday, so one day sooner.
    expect(calendar.addWorkingDays("2017-04-13", 20, SCOT)).toBe("2017-05-15");
  });

  it("meeting is due 10 working days after the referral is received (13.17)", () => {
    // E&W: 18,19,20,21 | 24–28 | (1 May) 2 May.
    expect(calendar.addWorkingDays("2017-04-13", 10, EW)).toBe("2017-05-02");
    // Scotland: 17–21 | 24–28.
    expect(calendar.addWorkingDays("2017-04-13", 10, SCOT)).toBe("2017-04-28");
  });

  it("welcome call is due 5 working days after a referral on Tue 28 Nov 2017, a day later in Scotland for St Andrew's Day (3.07)", () => {
    expect(calendar.addWorkingDays("2017-11-28", 5, EW)).toBe("2017-12-05");
    expect(calendar.addWorkingDays("2017-11-28", 5, SCOT)).toBe("2017-12-06");
    expect(calendar.holidayOn("2017-11-30", SCOT)).toEqual({ title: "St Andrew’s Day", computed: false });
    expect(calendar.holidayOn("2017-11-30", EW)).toBeNull();
  });

  it("counts the same spans back with workingDaysBetween", () => {
    expect(calendar.workingDaysBetween("2017-04-13", "2017-05-16", EW)).toBe(20);
    expect(calendar.workingDaysBetween("2017-04-13", "2017-05-16", SCOT)).toBe(21);
    expect(calendar.workingDaysBetween("2017-11-28", "2017-12-06", SCOT)).toBe(5);
  });
});

describe("bank holidays per nation", () => {
  it("Easter: Good Friday everywhere, Easter Monday in England and Wales and Northern Ireland only", () => {
    expect(calendar.isWorkingDay("2017-04-14", EW)).toBe(false);
    expect(calendar.isWorkingDay("2017-04-14", SCOT)).toBe(false);
    expect(calendar.isWorkingDay("2017-04-17", EW)).toBe(false);
    expect(calendar.isWorkingDay("2017-04-17", NI)).toBe(false);
    expect(calendar.isWorkingDay("2017-04-17", SCOT)).toBe(true);
    expect(calendar.nextWorkingDay("2017-04-13", EW)).toBe("2017-04-18");
    expect(calendar.nextWorkingDay("2017-04-13", SCOT)).toBe("2017-04-17");
    expect(calendar.nextWorkingDay("2017-04-13", NI)).toBe("2017-04-18");
  });

  it("Christmas 2021 on a Saturday: substitute days Mon 27 and Tue 28 December, New Year substitute Mon 3 January 2022", () => {
    expect(calendar.holidayOn("2021-12-27", EW)).toEqual({ title: "Christmas Day", computed: false });
    expect(calendar.holidayOn("2021-12-28", EW)).toEqual({ title: "Boxing Day", computed: false });
    // Fri 24 Dec → (25, 26 weekend; 27, 28 substitutes) Wed 29 Dec.
    expect(calendar.addWorkingDays("2021-12-24", 1, EW)).toBe("2021-12-29");
    // Fri 31 Dec → (1, 2 weekend; 3 substitute) Tue 4 Jan; Scotland also has 2nd January on Tue 4.
    expect(calendar.addWorkingDays("2021-12-31", 1, EW)).toBe("2022-01-04");
    expect(calendar.addWorkingDays("2021-12-31", 1, SCOT)).toBe("2022-01-05");
    expect(calendar.addWorkingDays("2021-12-31", 1, NI)).toBe("2022-01-04");
  });

  it("New Year 2017 on a Sunday: substitute Mon 2 January; Scotland also closes Tue 3 January", () => {
    // Fri 30 Dec 2016 → E&W and NI Tue 3 Jan; Scotland (2nd January on Mon 2, substitute Tue 3) Wed 4 Jan.
    expect(calendar.addWorkingDays("2016-12-30", 1, EW)).toBe("2017-01-03");
    expect(calendar.addWorkingDays("2016-12-30", 1, NI)).toBe("2017-01-03");
    expect(calendar.addWorkingDays("2016-12-30", 1, SCOT)).toBe("2017-01-04");
    expect(calendar.holidayOn("2017-01-02", SCOT)?.title).toBe("2nd January");
  });

  it("Scotland's 2 January holiday (2018): Fri 29 Dec 2017 + 1 is Wed 3 Jan in Scotland, Tue 2 Jan in England", () => {
    expect(calendar.addWorkingDays("2017-12-29", 1, SCOT)).toBe("2018-01-03");
    expect(calendar.addWorkingDays("2017-12-29", 1, EW)).toBe("2018-01-02");
  });

  it("St Andrew's Day on a Saturday (2019) moves to Monday 2 December in Scotland only", () => {
    expect(calendar.holidayOn("2019-12-02", SCOT)).toEqual({ title: "St Andrew’s Day", computed: false });
    expect(calendar.addWorkingDays("2019-11-29", 1, SCOT)).toBe("2019-12-03");
    expect(calendar.addWorkingDays("2019-11-29", 1, EW)).toBe("2019-12-02");
  });

  it("Northern Ireland: St Patrick's Day (Fri 17 Mar 2017) and the Battle of the Boyne (Wed 12 Jul 2017)", () => {
    expect(calendar.addWorkingDays("2017-03-16", 1, NI)).toBe("2017-03-20");
    expect(calendar.addWorkingDays("2017-03-16", 1, EW)).toBe("2017-03-17");
    expect(calendar.addWorkingDays("2017-07-11", 1, NI)).toBe("2017-07-13");
    expect(calendar.addWorkingDays("2017-07-11", 1, SCOT)).toBe("2017-07-12");
    expect(calendar.holidayOn("2017-07-12", NI)?.title).toBe("Battle of the Boyne (Orangemen’s Day)");
  });

  it("one-off holidays from the feed count too (State Funeral, Mon 19 Sep 2022)", () => {
    expect(calendar.isWorkingDay("2022-09-19", EW)).toBe(false);
    expect(calendar.addWorkingDays("2022-09-16", 1, SCOT)).toBe("2022-09-20");
  });
});

describe("start dates that are not working days", () => {
  it("a referral dated on a Saturday counts from the next working day (Sat 15 Apr 2017, Easter weekend)", () => {
    expect(calendar.addWorkingDays("2017-04-15", 1, EW)).toBe("2017-04-18");
    expect(calendar.addWorkingDays("2017-04-15", 1, SCOT)).toBe("2017-04-17");
    expect(calendar.addWorkingDays("2017-04-15", 20, EW)).toBe("2017-05-16");
    expect(calendar.addWorkingDays("2017-04-15", 0, EW)).toBe("2017-04-15");
  });

  it("a referral dated on a bank holiday (Early May, Mon 1 May 2017) counts from the next working day", () => {
    // 2–5 | 8–12 | 15 May.
    expect(calendar.addWorkingDays("2017-05-01", 10, EW)).toBe("2017-05-15");
    // … | 15–19 | 22–26 | (Spring bank holiday 29 May) 30 May.
    expect(calendar.addWorkingDays("2017-05-01", 20, EW)).toBe("2017-05-30");
    expect(calendar.addWorkingDays("2017-05-01", 20, SCOT)).toBe("2017-05-30");
  });

  it("counting backwards from a weekend lands on the working day before it", () => {
    expect(calendar.addWorkingDays("2017-04-15", -1, EW)).toBe("2017-04-13");
    expect(calendar.addWorkingDays("2017-04-18", -1, EW)).toBe("2017-04-13");
    expect(calendar.workingDaysBetween("2017-04-15", "2017-04-13", EW)).toBe(-1);
    expect(calendar.workingDaysBetween("2017-04-13", "2017-04-15", EW)).toBe(0);
    expect(calendar.workingDaysBetween("2017-04-18", "2017-04-13", EW)).toBe(-1);
    expect(calendar.workingDaysBetween("2017-04-13", "2017-04-13", EW)).toBe(0);
  });
});

describe("British Summer Time changes do not move working days", () => {
  it("BST starts Sun 26 Mar 2017 and ends Sun 29 Oct 2017: Friday + 1 is Monday, and a week is 5 working days", () => {
    expect(calendar.addWorkingDays("2017-03-24", 1, EW)).toBe("2017-03-27");
    expect(calendar.addWorkingDays("2017-03-26", 1, EW)).toBe("2017-03-27");
    expect(calendar.addWorkingDays("2017-10-27", 1, EW)).toBe("2017-10-30");
    expect(calendar.addWorkingDays("2017-10-29", 0, EW)).toBe("2017-10-29");
    expect(calendar.workingDaysBetween("2017-03-24", "2017-03-31", EW)).toBe(5);
    expect(calendar.workingDaysBetween("2017-10-27", "2017-11-03", EW)).toBe(5);
  });
});

describe("coverage: years without loaded bank holidays are provisional, never silent", () => {
  it("knows which years are loaded per nation", () => {
    expect(calendar.isCovered("2012-06-01", EW)).toBe(true);
    expect(calendar.isCovered("2027-12-31", SCOT)).toBe(true);
    expect(calendar.isCovered("2011-12-30", EW)).toBe(false);
    expect(calendar.isCovered("2028-01-03", NI)).toBe(false);
  });

  it("2016 in Scotland uses the computed holidays and surfaces computed: true", () => {
    expect(calendar.isCovered("2016-06-01", SCOT)).toBe(true);
    expect(calendar.holidayOn("2016-11-30", SCOT)).toEqual({ title: "St Andrew’s Day", computed: true });
    expect(calendar.holidayOn("2016-01-04", SCOT)).toEqual({ title: "2nd January", computed: true });
    // Tue 29 Nov 2016 → (Wed 30 St Andrew's Day) Thu 1 Dec in Scotland; Wed 30 Nov in England.
    expect(calendar.nextWorkingDay("2016-11-29", SCOT)).toBe("2016-12-01");
    expect(calendar.nextWorkingDay("2016-11-29", EW)).toBe("2016-11-30");
    const explained = calendar.explainAddWorkingDays("2016-11-29", 1, SCOT);
    expect(explained.skippedHolidays).toEqual([{ date: "2016-11-30", title: "St Andrew’s Day", computed: true }]);
    expect(explained.provisional).toBe(false);
  });

  it("without the computed file, Scotland 2016 is a gap: counted with weekends only and flagged", () => {
    const feedOnly = createWorkingDayCalendar(shippedBankHolidays().filter((h) => !h.computed));
    expect(feedOnly.isCovered("2016-06-01", SCOT)).toBe(false);
    expect(feedOnly.isCovered("2016-06-01", EW)).toBe(true);
    const explained = feedOnly.explainAddWorkingDays("2016-11-29", 1, SCOT);
    expect(explained.result).toBe("2016-11-30");
    expect(explained.provisional).toBe(true);
    expect(explained.uncoveredYears).toEqual([2016]);
  });

  it("2029 is beyond the data: Spring bank holiday (Mon 28 May 2029) is unknown, so the result is provisional", () => {
    const explained = calendar.explainAddWorkingDays("2029-05-25", 1, EW);
    expect(explained).toEqual({
      from: "2029-05-25",
      n: 1,
      result: "2029-05-28",
      skippedWeekendDays: 2,
      skippedHolidays: [],
      provisional: true,
      uncoveredYears: [2029],
    });
  });

  it("a span that crosses from a covered into an uncovered year is provisional and names the year", () => {
    // Thu 30 Dec 2027 → Fri 31 Dec, Mon 3 Jan 2028 (New Year substitute unknown).
    const explained = calendar.explainAddWorkingDays("2027-12-30", 2, EW);
    expect(explained.result).toBe("2028-01-03");
    expect(explained.provisional).toBe(true);
    expect(explained.uncoveredYears).toEqual([2028]);
  });
});

describe("explainAddWorkingDays: everything for 'why this date'", () => {
  it("names the skipped bank holidays and counts weekend days (Thu 13 Apr 2017 + 20, England and Wales)", () => {
    expect(calendar.explainAddWorkingDays("2017-04-13", 20, EW)).toEqual({
      from: "2017-04-13",
      n: 20,
      result: "2017-05-16",
      skippedWeekendDays: 10,
      skippedHolidays: [
        { date: "2017-04-14", title: "Good Friday", computed: false },
        { date: "2017-04-17", title: "Easter Monday", computed: false },
        { date: "2017-05-01", title: "Early May bank holiday", computed: false },
      ],
      provisional: false,
      uncoveredYears: [],
    });
  });

  it("works backwards too", () => {
    // 15 | 12–8 | 5–2 | (1 May) | 28–24 | 21–18 | (17, 14) | 13 Apr.
    const explained = calendar.explainAddWorkingDays("2017-05-16", -20, EW);
    expect(explained.result).toBe("2017-04-13");
    expect(explained.skippedWeekendDays).toBe(10);
    expect(explained.skippedHolidays.map((h) => h.title)).toEqual(["Good Friday", "Easter Monday", "Early May bank holiday"]);
  });

  it("has nothing to skip for n = 0", () => {
    const explained = calendar.explainAddWorkingDays("2017-04-15", 0, EW);
    expect(explained).toMatchObject({ result: "2017-04-15", skippedWeekendDays: 0, skippedHolidays: [] });
  });
});

describe("errors", () => {
  it("throws a RangeError for dates outside 2000-01-01..2099-12-31, naming the date", () => {
    expect(() => calendar.isWorkingDay("1999-12-31", EW)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays("2100-01-01", 1, EW)).toThrow(/2100-01-01/);
    expect(() => calendar.addWorkingDays("2099-12-31", 1, EW)).toThrow(RangeError);
    // 2000-01-01 is a Saturday: nothing before Mon 3 Jan 2000 is in range.
    expect(() => calendar.addWorkingDays("2000-01-03", -1, EW)).toThrow(RangeError);
    expect(calendar.isWorkingDay("2099-12-31", EW)).toBe(true);
  });

  it("throws a TypeError for malformed dates, naming the value", () => {
    expect(() => calendar.addWorkingDays("2017-02-29", 1, EW)).toThrow(TypeError);
    expect(() => calendar.workingDaysBetween("13/04/2017", "2017-05-16", EW)).toThrow(/13\/04\/2017/);
  });

  it("throws a TypeError for a fractional count or an unknown nation", () => {
    expect(() => calendar.addWorkingDays("2017-04-13", 1.5, EW)).toThrow(TypeError);
    expect(() => calendar.addWorkingDays("2017-04-13", Number.NaN, EW)).toThrow(TypeError);
    // @ts-expect-error: "wales" is not a Nation
    expect(() => calendar.isWorkingDay("2017-04-13", "wales")).toThrow(TypeError);
  });

  it("refuses bank-holiday data with a duplicate or malformed row", () => {
    expect(() =>
      createWorkingDayCalendar([
        { nation: EW, date: "2017-04-14", title: "Good Friday" },
        { nation: EW, date: "2017-04-14", title: "Good Friday" },
      ]),
    ).toThrow(/twice/);
    expect(() => createWorkingDayCalendar([{ nation: EW, date: "2017-4-14", title: "Good Friday" }])).toThrow(TypeError);
    expect(() => createWorkingDayCalendar([{ nation: EW, date: "2017-04-14", title: " " }])).toThrow(TypeError);
  });
});

describe("administrator-edited calendars", () => {
  it("a one-off holiday added by an administrator moves deadlines", () => {
    const edited = createWorkingDayCalendar([
      ...shippedBankHolidays(),
      { nation: EW, date: "2017-05-15", title: "Example one-off bank holiday" },
    ]);
    expect(edited.addWorkingDays("2017-04-13", 20, EW)).toBe("2017-05-17");
    expect(edited.addWorkingDays("2017-04-13", 20, SCOT)).toBe("2017-05-15");
  });

  it("the shipped calendar is built once", () => {
    expect(shippedCalendar()).toBe(calendar);
  });
});

describe("cross-check against date-fns over every day 2012–2027", () => {
  it("isWorkingDay is exactly 'not a weekend and not that nation's bank holiday'", () => {
    const holidaySets = new Map(
      NATIONS.map((nation) => [
        nation,
        new Set(shippedBankHolidays().filter((h) => h.nation === nation).map((h) => h.date)),
      ]),
    );
    const days = eachDayOfInterval({ start: new Date(2012, 0, 1), end: new Date(2027, 11, 31) });
    expect(days.length).toBe(5844);
    for (const day of days) {
      const iso = format(day, "yyyy-MM-dd");
      for (const nation of NATIONS) {
        const expected = !isWeekend(day) && !holidaySets.get(nation)?.has(iso);
        if (calendar.isWorkingDay(iso, nation) !== expected) {
          throw new Error(`${iso} ${nation}: expected working=${String(expected)}`);
        }
      }
    }
    // A naive date-fns walk agrees with addWorkingDays for 25 days from every Monday.
    for (let day = new Date(2013, 0, 7); day.getFullYear() < 2027; day = addDays(day, 7)) {
      const iso = format(day, "yyyy-MM-dd");
      let walk = day;
      for (let n = 1; n <= 25; n++) {
        do walk = addDays(walk, 1);
        while (isWeekend(walk) || holidaySets.get(SCOT)?.has(format(walk, "yyyy-MM-dd")));
        expect(calendar.addWorkingDays(iso, n, SCOT)).toBe(format(walk, "yyyy-MM-dd"));
      }
    }
  });
});
