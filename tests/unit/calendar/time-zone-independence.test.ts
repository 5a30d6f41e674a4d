import { afterAll, describe, expect, it } from "vitest";
import { formatLongDate, parseIsoDate, todayInLondon } from "@/lib/calendar/iso-date";
import { createWorkingDayCalendar, shippedCalendar } from "@/lib/calendar/working-day-calendar";
import { shippedBankHolidays } from "@/lib/calendar/bank-holiday-data";
import { NO_EVENTS_RECORDED_YET } from "@/lib/domain/case-clock-facts";
import { computeClocks, type CaseClockFacts } from "@/lib/domain/deadlines";

// Dates the guidance counts in working days are calendar dates: they must not depend on the
// process time zone or on British Summer Time (docs/architecture.md, "Time").

const EW = "england-and-wales";

/** Working-day results spanning both 2017 clock changes (26 March, 29 October). */
function calendarResults(): string[] {
  const calendar = createWorkingDayCalendar(shippedBankHolidays());
  return [
    calendar.addWorkingDays("2017-03-24", 1, EW),
    calendar.addWorkingDays("2017-03-25", 5, EW),
    calendar.addWorkingDays("2017-03-26", -1, EW),
    calendar.addWorkingDays("2017-10-27", 1, EW),
    calendar.addWorkingDays("2017-10-28", 20, "scotland"),
    String(calendar.workingDaysBetween("2017-03-20", "2017-04-03", EW)),
    String(calendar.workingDaysBetween("2017-10-23", "2017-11-06", "northern-ireland")),
    formatLongDate("2017-03-26"),
    formatLongDate("2017-10-29"),
    String(parseIsoDate("2017-10-29")),
  ];
}

const facts: CaseClockFacts = {
  ruleset: "ses_2016_uc",
  nation: EW,
  referralDate: "2017-03-24",
  referralReceivedOn: "2017-03-27",
  ...NO_EVENTS_RECORDED_YET,
  backOutEmailAt: "2017-10-28T09:30:00+01:00",
  closed: false,
  isScr: false,
};

const originalTimeZone = process.env.TZ;
afterAll(() => {
  if (originalTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalTimeZone;
});

describe("results are identical whatever process.env.TZ is", () => {
  const zones = ["UTC", "Europe/London", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Kolkata"];

  it("calendar arithmetic and clocks across both BST changes", () => {
    const now = new Date("2017-10-29T02:00:00Z");
    const outcomes = zones.map((zone) => {
      process.env.TZ = zone;
      return {
        zone,
        calendar: calendarResults(),
        clocks: computeClocks(facts, shippedCalendar(), "2017-03-29", now),
        today: todayInLondon(now),
        offset: new Date(2017, 6, 1).getTimezoneOffset(),
      };
    });
    // The switch really took effect (Los Angeles and Kiritimati differ by 24 hours)…
    expect(new Set(outcomes.map((o) => o.offset)).size).toBeGreaterThan(1);
    // …and nothing we compute moved.
    for (const outcome of outcomes) {
      expect(outcome.calendar, outcome.zone).toEqual(outcomes[0].calendar);
      expect(outcome.clocks, outcome.zone).toEqual(outcomes[0].clocks);
      expect(outcome.today, outcome.zone).toBe("2017-10-29");
    }
    expect(outcomes[0].calendar.slice(0, 5)).toEqual([
      "2017-03-27",
      "2017-03-31",
      "2017-03-24",
      "2017-10-30",
      "2017-11-24", // Sat 28 Oct + 20 in Scotland: 30 Oct–3 Nov | 6–10 | 13–17 | 20–24 Nov.
    ]);
  });

  it("the working-day calendar never touches Date (Date replaced by a trap while it runs)", () => {
    const RealDate = globalThis.Date;
    const trap = new Proxy(RealDate, {
      construct() {
        throw new Error("Date constructed inside the calendar");
      },
      apply() {
        throw new Error("Date called inside the calendar");
      },
      get(target, property, receiver) {
        if (property === "now" || property === "parse" || property === "UTC") {
          throw new Error(`Date.${String(property)} used inside the calendar`);
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    let results: string[] = [];
    globalThis.Date = trap;
    try {
      results = calendarResults();
    } finally {
      globalThis.Date = RealDate;
    }
    expect(results[0]).toBe("2017-03-27");
  });
});
