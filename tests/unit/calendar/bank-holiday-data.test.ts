import { describe, expect, it } from "vitest";
import { shippedBankHolidays } from "@/lib/calendar/bank-holiday-data";
import { NATIONS } from "@/lib/calendar/nations";
import { dayOfWeek, isIsoDate } from "@/lib/calendar/iso-date";

const holidays = shippedBankHolidays();

function yearsFor(nation: string): number[] {
  return [...new Set(holidays.filter((h) => h.nation === nation).map((h) => Number(h.date.slice(0, 4))))].sort();
}

describe("shipped bank holidays (lib/calendar/data)", () => {
  it("cover England and Wales 2012–2027, Scotland and Northern Ireland 2012–2027 with 2016 computed", () => {
    const all = Array.from({ length: 16 }, (_, i) => 2012 + i);
    expect(yearsFor("england-and-wales")).toEqual(all);
    expect(yearsFor("scotland")).toEqual(all);
    expect(yearsFor("northern-ireland")).toEqual(all);
  });

  it("mark the Scotland and Northern Ireland 2016 dates as computed, and nothing else", () => {
    const computed = holidays.filter((h) => h.computed);
    expect(computed.length).toBe(19);
    expect(computed.every((h) => h.date.startsWith("2016-") && h.nation !== "england-and-wales")).toBe(true);
    expect(holidays.filter((h) => h.date.startsWith("2016-") && h.nation !== "england-and-wales" && !h.computed)).toEqual([]);
    expect(holidays).toContainEqual({
      nation: "scotland",
      date: "2016-11-30",
      title: "St Andrew’s Day",
      notes: "",
      computed: true,
    });
  });

  it("keep the feed's titles and notes (substitute days)", () => {
    expect(holidays).toContainEqual({
      nation: "england-and-wales",
      date: "2017-01-02",
      title: "New Year’s Day",
      notes: "Substitute day",
      computed: false,
    });
    expect(holidays).toContainEqual({
      nation: "northern-ireland",
      date: "2017-07-12",
      title: "Battle of the Boyne (Orangemen’s Day)",
      notes: "",
      computed: false,
    });
  });

  it("are valid weekday dates, unique per nation, in a deterministic order (nation, then date)", () => {
    for (const h of holidays) {
      expect(isIsoDate(h.date)).toBe(true);
      expect([0, 6]).not.toContain(dayOfWeek(h.date));
    }
    const keys = holidays.map((h) => `${h.nation}|${h.date}`);
    expect(new Set(keys).size).toBe(keys.length);
    const sorted = [...holidays].sort(
      (a, b) => NATIONS.indexOf(a.nation) - NATIONS.indexOf(b.nation) || a.date.localeCompare(b.date),
    );
    expect(holidays).toEqual(sorted);
    expect(shippedBankHolidays()).toEqual(holidays);
  });

  it("returns a fresh copy each time, so a caller cannot corrupt the seed", () => {
    const first = shippedBankHolidays();
    first.pop();
    expect(shippedBankHolidays().length).toBe(holidays.length);
  });
});
