import { describe, expect, it } from "vitest";
import { shippedCalendar } from "@/lib/calendar/working-day-calendar";
import { clockTagColour, clockTagDetail, clockTagText, mostUrgentClock } from "@/lib/domain/clock-presentation";
import { computeClocks, type CaseClockFacts, type Clock, type ClockState } from "@/lib/domain/deadlines";

function fakeClock(overrides: Partial<Clock>): Clock {
  return {
    id: "start",
    label: "Start on provision",
    paragraphs: ["13.13"],
    dueOn: "2017-05-16",
    dueAt: null,
    state: "not_yet_due",
    metOn: null,
    workingDaysRemaining: 5,
    explanation: [],
    provisional: false,
    ...overrides,
  };
}

describe("clock tags say what they mean in words, in the one urgency scheme (WCAG 2.2 1.4.1: never colour alone)", () => {
  it.each<[ClockState, number | null, string, string | null]>([
    ["not_applicable", null, "Not applicable", null],
    ["not_yet_due", 8, "Not yet due", "8 working days left"],
    ["due_soon", 2, "Due soon", "2 working days left"],
    ["due_soon", 1, "Due soon", "1 working day left"],
    ["due_today", 0, "Due today", null],
    ["overdue", -3, "Overdue", "by 3 working days"],
    ["overdue", -1, "Overdue", "by 1 working day"],
    ["met_on_time", null, "Met on time", null],
    ["met_late", null, "Met late", null],
  ])("%s with %s working days remaining reads '%s' (%s beside it)", (state, workingDaysRemaining, text, detail) => {
    const clock = fakeClock({ state, workingDaysRemaining });
    expect(clockTagText(clock)).toBe(text);
    expect(clockTagDetail(clock)).toBe(detail);
  });

  it("names the UK time a back-out cancellation is due by, since it counts hours (13.35)", () => {
    const backOut = fakeClock({
      id: "back_out_cancel",
      state: "due_soon",
      workingDaysRemaining: null,
      dueOn: "2017-03-26",
      dueAt: "2017-03-26T10:00:00.000Z",
    });
    expect(clockTagText(backOut)).toBe("Due soon");
    expect(clockTagDetail(backOut)).toBe("by 11am");
    expect(clockTagText({ ...backOut, state: "overdue" })).toBe("Overdue");
    expect(clockTagDetail({ ...backOut, state: "overdue" })).toBe("was due by 11am");
  });

  it("gives every state a distinct wording", () => {
    const states: ClockState[] = ["not_applicable", "not_yet_due", "due_soon", "due_today", "overdue", "met_on_time", "met_late"];
    const texts = states.map((state) => clockTagText(fakeClock({ state, workingDaysRemaining: state === "overdue" ? -2 : 2 })));
    expect(new Set(texts).size).toBe(states.length);
  });
});

describe("clock tag colours (GOV.UK tag modifiers)", () => {
  it.each<[ClockState, string]>([
    ["not_applicable", "grey"],
    ["not_yet_due", "blue"],
    ["due_soon", "yellow"],
    ["due_today", "orange"],
    ["overdue", "red"],
    ["met_on_time", "green"],
    ["met_late", "orange"],
  ])("%s is %s", (state, colour) => {
    expect(clockTagColour(fakeClock({ state }))).toBe(colour);
  });
});

describe("the most urgent clock", () => {
  it("is overdue before due today before due soon before not yet due", () => {
    const clocks = [
      fakeClock({ id: "start", state: "not_yet_due", dueOn: "2017-05-16" }),
      fakeClock({ id: "meet_participant", state: "due_soon", dueOn: "2017-05-02" }),
      fakeClock({ id: "forms_chase", state: "overdue", dueOn: "2017-04-21" }),
      fakeClock({ id: "welcome_call", state: "due_today", dueOn: "2017-04-25" }),
    ];
    expect(mostUrgentClock(clocks)?.id).toBe("forms_chase");
    expect(mostUrgentClock(clocks.slice(0, 2))?.id).toBe("meet_participant");
  });

  it("within a state, is the one due first, and a timed back-out deadline beats a same-day date", () => {
    const clocks = [
      fakeClock({ id: "start", state: "overdue", dueOn: "2017-05-16" }),
      fakeClock({ id: "meet_participant", state: "overdue", dueOn: "2017-05-02" }),
    ];
    expect(mostUrgentClock(clocks)?.id).toBe("meet_participant");
    const sameDay = [
      fakeClock({ id: "start", state: "due_soon", dueOn: "2017-05-16" }),
      fakeClock({ id: "back_out_cancel", state: "due_soon", dueOn: "2017-05-16", dueAt: "2017-05-16T09:00:00.000Z" }),
    ];
    expect(mostUrgentClock(sameDay)?.id).toBe("back_out_cancel");
  });

  it("is null when every clock is met or not applicable", () => {
    expect(
      mostUrgentClock([fakeClock({ state: "met_on_time" }), fakeClock({ state: "met_late" }), fakeClock({ state: "not_applicable" })]),
    ).toBeNull();
    expect(mostUrgentClock([])).toBeNull();
  });

  it("works on real clocks: a UC case on Fri 12 May 2017 needs its start (due Tue 16 May) first", () => {
    const facts: CaseClockFacts = {
      ruleset: "ses_2016_uc",
      nation: "england-and-wales",
      referralDate: "2017-04-13",
      referralReceivedOn: "2017-04-13",
      uc452ReceivedOn: "2017-04-18",
      ucpr1ReceivedOn: "2017-04-18",
      spocChasedOn: null,
      ucpr1DuplicateRequestedOn: null,
      welcomeCallOn: null,
      firstMetOn: "2017-04-27",
      startedOn: null,
      backOutEmailAt: null,
      cancelledAt: null,
      closed: false,
      isScr: false,
    };
    const clocks = computeClocks(facts, shippedCalendar(), "2017-05-12", new Date("2017-05-12T09:00:00Z"));
    const urgent = mostUrgentClock(clocks);
    expect(urgent?.id).toBe("start");
    expect(urgent && clockTagText(urgent)).toBe("Due soon");
    expect(urgent && clockTagDetail(urgent)).toBe("2 working days left");
    expect(urgent && clockTagColour(urgent)).toBe("yellow");
  });
});
