import { describe, expect, it } from "vitest";
import type { ClockState } from "@/lib/domain/deadlines";
import {
  BACK_OUT_DUE_SOON_HOURS,
  URGENCY_LEVELS,
  URGENCY_SCHEME,
  urgencyDetail,
  urgencyOfClockState,
  urgencyOfInstant,
  urgencyOfWorkingDays,
} from "@/lib/domain/urgency";

describe("the urgency scheme: one set of words and colours everywhere (docs/rules/clocks.md Due soon, UX-06)", () => {
  it("has four levels, most urgent first: overdue red, due today orange, due soon yellow, not yet due blue", () => {
    expect(URGENCY_LEVELS.map((level) => [URGENCY_SCHEME[level].label, URGENCY_SCHEME[level].colour])).toEqual([
      ["Overdue", "red"],
      ["Due today", "orange"],
      ["Due soon", "yellow"],
      ["Not yet due", "blue"],
    ]);
  });

  it("gives each level its own words and its own colour", () => {
    expect(new Set(URGENCY_LEVELS.map((level) => URGENCY_SCHEME[level].label)).size).toBe(4);
    expect(new Set(URGENCY_LEVELS.map((level) => URGENCY_SCHEME[level].colour)).size).toBe(4);
  });

  it.each<[ClockState, string | null]>([
    ["overdue", "overdue"],
    ["due_today", "due_today"],
    ["due_soon", "due_soon"],
    ["not_yet_due", "not_yet_due"],
    ["met_on_time", null],
    ["met_late", null],
    ["missed", null],
    ["not_met", null],
    ["not_applicable", null],
  ])("a clock in state %s has urgency %s (stopped clocks have none)", (state, level) => {
    expect(urgencyOfClockState(state)).toBe(level);
  });
});

describe("urgency of a date-only deadline, from working days left and the Settings window", () => {
  it.each<[number, number, string]>([
    [-1, 3, "overdue"],
    [0, 3, "due_today"],
    [1, 3, "due_soon"],
    [3, 3, "due_soon"],
    [4, 3, "not_yet_due"],
    [1, 0, "not_yet_due"],
    [5, 5, "due_soon"],
  ])("%i working days left with a %i-day window is %s", (left, window, level) => {
    expect(urgencyOfWorkingDays(left, window)).toBe(level);
  });
});

describe("the 24-hour back-out clock is due soon within 8 hours (13.35, 3.15)", () => {
  const due = Date.parse("2017-06-02T14:00:00Z");
  it("uses an 8-hour window", () => expect(BACK_OUT_DUE_SOON_HOURS).toBe(8));
  it.each<[string, string]>([
    ["2017-06-02T05:59:59Z", "not_yet_due"],
    ["2017-06-02T06:00:01Z", "due_soon"],
    ["2017-06-02T14:00:00Z", "due_soon"],
    ["2017-06-02T14:00:01Z", "overdue"],
  ])("at %s it is %s", (now, level) => {
    expect(urgencyOfInstant(due, Date.parse(now))).toBe(level);
  });
});

describe("the words beside the tag", () => {
  it("say how late, or how much time is left", () => {
    expect(urgencyDetail("overdue", -2)).toBe("by 2 working days");
    expect(urgencyDetail("due_soon", 1)).toBe("1 working day left");
    expect(urgencyDetail("not_yet_due", 12)).toBe("12 working days left");
    expect(urgencyDetail("due_today", 0)).toBeNull();
    expect(urgencyDetail("due_soon", null, "3pm")).toBe("by 3pm");
    expect(urgencyDetail("overdue", null, "3pm")).toBe("was due by 3pm");
  });
});
