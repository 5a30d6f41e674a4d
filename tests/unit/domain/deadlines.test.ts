import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedBankHolidays } from "@/lib/calendar/bank-holiday-data";
import { formatIsoDate, parseIsoDate } from "@/lib/calendar/iso-date";
import { NATIONS, type Nation } from "@/lib/calendar/nations";
import { createWorkingDayCalendar, shippedCalendar } from "@/lib/calendar/working-day-calendar";
import { NO_EVENTS_RECORDED_YET } from "@/lib/domain/case-clock-facts";
import {
  computeClocks,
  computeDueDates,
  DEADLINE_RULES,
  DEFAULT_DEADLINE_SETTINGS,
  type CaseClockFacts,
  type Clock,
  type ClockId,
} from "@/lib/domain/deadlines";

// Expected dates were checked by hand against lib/calendar/data/*.json; the comments list the
// working days counted. "E&W" = England and Wales.
const calendar = shippedCalendar();
const NOW = new Date("2017-04-13T09:00:00Z");

function facts(overrides: Partial<CaseClockFacts> = {}): CaseClockFacts {
  return {
    ruleset: "ses_2016_uc",
    nation: "england-and-wales",
    referralDate: null,
    referralReceivedOn: null,
    ...NO_EVENTS_RECORDED_YET,
    closed: false,
    isScr: false,
    ...overrides,
  };
}

function clock(
  id: ClockId,
  overrides: Partial<CaseClockFacts>,
  today = "2017-04-13",
  now = NOW,
  settings?: Parameters<typeof computeClocks>[4],
): Clock {
  const found = computeClocks(facts(overrides), calendar, today, now, settings).find((c) => c.id === id);
  if (!found) throw new Error(`no clock ${id}`);
  return found;
}

function explanation(c: Clock): string {
  return c.explanation.join("\n");
}

describe("the rule table (one place for every deadline)", () => {
  it("has one rule per clock, each citing its guidance paragraphs", () => {
    expect(DEADLINE_RULES.map((rule) => rule.id)).toEqual([
      "forms_chase",
      "ucpr1_duplicate",
      "welcome_call",
      "meet_participant",
      "start",
      "back_out_cancel",
      "exit_notice",
    ]);
    for (const rule of DEADLINE_RULES) {
      expect(rule.paragraphs.length).toBeGreaterThan(0);
      for (const paragraph of rule.paragraphs) expect(paragraph).toMatch(/^(3|13)\.\d{2}$/);
    }
  });

  it("holds the periods from docs/rules/clocks.md: 4, 5, 10 and 20 working days, and 24 clock hours", () => {
    const periods = Object.fromEntries(DEADLINE_RULES.map((rule) => [rule.id, rule.period]));
    expect(periods).toEqual({
      forms_chase: { unit: "working_days", amount: 4 },
      ucpr1_duplicate: { unit: "working_days", amount: 4 },
      welcome_call: { unit: "working_days", amount: 5 },
      meet_participant: { unit: "working_days", amount: 10 },
      start: { unit: "working_days", amount: 20 },
      back_out_cancel: { unit: "clock_hours", amount: 24 },
      // The guidance sets no period for the exit notice: the administrator's setting (default 2).
      exit_notice: { unit: "working_days", amount: 2, setting: "exitNoticeWorkingDays" },
    });
  });

  it("defaults: due soon within 3 working days, day 0 not counted, exit notice within 2 working days", () => {
    expect(DEFAULT_DEADLINE_SETTINGS).toEqual({ dueSoonWorkingDays: 3, countDayZero: false, exitNoticeWorkingDays: 2 });
  });

  it("computes every clock, in table order, for any case", () => {
    const clocks = computeClocks(facts(), calendar, "2017-04-13", NOW);
    expect(clocks.map((c) => c.id)).toEqual(DEADLINE_RULES.map((rule) => rule.id));
    expect(clocks.every((c) => c.state === "not_applicable")).toBe(true);
  });
});

describe("start on provision (13.13, 3.07)", () => {
  it("start is due 20 working days after the referral date, skipping Easter Monday in England but not Scotland (13.13)", () => {
    const england = clock("start", { referralDate: "2017-04-13" });
    expect(england.dueOn).toBe("2017-05-16");
    expect(england.paragraphs).toEqual(["13.13"]);
    expect(explanation(england)).toContain("Counted from Thursday 13 April 2017, the referral date.");
    expect(explanation(england)).toContain(
      "Skipped 10 weekend days and 3 England and Wales bank holidays: Good Friday (Friday 14 April 2017), Easter Monday (Monday 17 April 2017) and Early May bank holiday (Monday 1 May 2017).",
    );
    expect(explanation(england)).toContain("Due by Tuesday 16 May 2017 (England and Wales calendar).");

    const scotland = clock("start", { referralDate: "2017-04-13", nation: "scotland" });
    expect(scotland.dueOn).toBe("2017-05-15");
    expect(explanation(scotland)).not.toContain("Easter Monday");
    expect(explanation(scotland)).toContain("Good Friday (Friday 14 April 2017)");
  });

  it("cites 3.07 for a 2017 single-referral case", () => {
    const start = clock("start", { ruleset: "ses_2017", referralDate: "2017-04-13" });
    expect(start.dueOn).toBe("2017-05-16");
    expect(start.paragraphs).toEqual(["3.07"]);
  });

  it("runs from the date the SL2 was received for an SCR case (docs/rules/decisions.md)", () => {
    // SL2 received Tue 28 Nov 2017. Scotland: 29 | (30 St Andrew's) 1 Dec | 4–8 | 11–15 | 18–22 |
    // (25, 26 Christmas) 27, 28, 29 Dec. E&W: one day sooner, Thu 28 Dec.
    const scr = { ruleset: "ses_2017" as const, isScr: true, referralDate: "2017-11-28" };
    const scotland = clock("start", { ...scr, nation: "scotland" });
    expect(scotland.dueOn).toBe("2017-12-29");
    expect(explanation(scotland)).toContain("the date the SL2 was received");
    expect(clock("start", scr).dueOn).toBe("2017-12-28");
  });

  it("a referral dated on a Saturday counts from the next working day (Sat 15 Apr 2017)", () => {
    const start = clock("start", { referralDate: "2017-04-15" });
    expect(start.dueOn).toBe("2017-05-16");
    expect(explanation(start)).toContain("That is not a working day in England and Wales, so day 1 is the next working day.");
  });

  it("a referral dated on a bank holiday (Early May, Mon 1 May 2017) counts from the next working day and skips Spring bank holiday", () => {
    // 2–5 | 8–12 | 15–19 | 22–26 | (29 May) 30 May.
    const start = clock("start", { referralDate: "2017-05-01" }, "2017-05-01");
    expect(start.dueOn).toBe("2017-05-30");
    expect(explanation(start)).toContain("Spring bank holiday (Monday 29 May 2017)");
    expect(explanation(start)).toContain("That is not a working day");
  });

  it("is met by the start date: on time on the due date, late after it", () => {
    expect(clock("start", { referralDate: "2017-04-13", startedOn: "2017-05-16" }, "2017-06-01")).toMatchObject({
      state: "met_on_time",
      metOn: "2017-05-16",
      workingDaysRemaining: null,
    });
    const late = clock("start", { referralDate: "2017-04-13", startedOn: "2017-05-18" }, "2017-06-01");
    expect(late.state).toBe("met_late");
    expect(explanation(late)).toContain("Met: started on provision on Thursday 18 May 2017, 2 working days late.");
  });
});

describe("meet the potential participant (13.17)", () => {
  it("is due 10 working days after the referral is received: Tue 2 May 2017 in E&W, Fri 28 Apr in Scotland", () => {
    const received = { referralDate: "2017-04-12", referralReceivedOn: "2017-04-13" };
    const england = clock("meet_participant", received);
    expect(england.dueOn).toBe("2017-05-02");
    expect(england.paragraphs).toEqual(["13.17"]);
    expect(explanation(england)).toContain("Counted from Thursday 13 April 2017, the date the PRaP referral was received.");
    expect(clock("meet_participant", { ...received, nation: "scotland" }).dueOn).toBe("2017-04-28");
  });

  it("falls back to the referral date when the receipt date is not recorded, and says so", () => {
    const meet = clock("meet_participant", { referralDate: "2017-04-13" });
    expect(meet.dueOn).toBe("2017-05-02");
    expect(explanation(meet)).toContain(
      "the referral date, because the date the PRaP referral was received is not recorded",
    );
  });

  it("is met on time by a first meeting on the due date and late the day after", () => {
    const base = { referralReceivedOn: "2017-04-13" };
    expect(clock("meet_participant", { ...base, firstMetOn: "2017-05-02" }).state).toBe("met_on_time");
    const late = clock("meet_participant", { ...base, firstMetOn: "2017-05-03" });
    expect(late.state).toBe("met_late");
    expect(explanation(late)).toContain("1 working day late");
  });

  it("does not apply to a 2017 single-referral case (Chapter 3 has no such clock)", () => {
    expect(clock("meet_participant", { ruleset: "ses_2017", referralDate: "2017-04-13" }).state).toBe("not_applicable");
  });
});

describe("welcome call (3.07)", () => {
  it("is due 5 working days after a referral on Tue 28 Nov 2017: Tue 5 Dec in E&W, Wed 6 Dec in Scotland (St Andrew's Day)", () => {
    const ses2017 = { ruleset: "ses_2017" as const, referralDate: "2017-11-28" };
    expect(clock("welcome_call", ses2017, "2017-11-28").dueOn).toBe("2017-12-05");
    const scotland = clock("welcome_call", { ...ses2017, nation: "scotland" }, "2017-11-28");
    expect(scotland.dueOn).toBe("2017-12-06");
    expect(scotland.paragraphs).toEqual(["3.07"]);
    expect(explanation(scotland)).toContain("St Andrew’s Day (Thursday 30 November 2017)");
  });

  it("is met by the welcome call", () => {
    const met = clock("welcome_call", { ruleset: "ses_2017", referralDate: "2017-11-28", welcomeCallOn: "2017-11-29" });
    expect(met).toMatchObject({ state: "met_on_time", metOn: "2017-11-29" });
  });

  it("does not apply to 2016 (Chapter 13) cases", () => {
    expect(clock("welcome_call", { referralDate: "2017-11-28" }).state).toBe("not_applicable");
  });
});

// Changed on purpose: the merged "later of the two dates" clock is withdrawn; 13.14 and
// 13.67 are two obligations with two clocks (docs/rules/clocks.md, docs/rules/decisions.md).
describe("forms chase (13.14): from the referral date", () => {
  // Referral made Thu 6 Apr 2017, received Mon 10 Apr. 13.14 counts from the referral date:
  // Fri 7, Mon 10, Tue 11, Wed 12 Apr — never from the later receipt date.
  const dates = { referralDate: "2017-04-06", referralReceivedOn: "2017-04-10" };

  it("is due on the 4th working day from the date of referral, whenever the referral was received", () => {
    const chase = clock("forms_chase", dates, "2017-04-10");
    expect(chase.dueOn).toBe("2017-04-12");
    expect(chase.paragraphs).toEqual(["13.14"]);
    expect(explanation(chase)).toContain("Counted from Thursday 6 April 2017, the referral date.");
    expect(clock("forms_chase", { referralDate: "2017-04-06" }, "2017-04-06").dueOn).toBe("2017-04-12");
  });

  it("is met when both forms have arrived, and still open with only one", () => {
    expect(clock("forms_chase", { ...dates, uc452ReceivedOn: "2017-04-11", ucpr1ReceivedOn: "2017-04-12" }, "2017-04-20")).toMatchObject({
      state: "met_on_time",
      metOn: "2017-04-12",
    });
    expect(clock("forms_chase", { ...dates, uc452ReceivedOn: "2017-04-11" }, "2017-04-12").state).toBe("due_today");
    expect(clock("forms_chase", { ...dates, ucpr1ReceivedOn: "2017-04-11" }, "2017-04-13")).toMatchObject({ state: "overdue", workingDaysRemaining: -1 });
  });

  it("is met by contacting the JCP SPoC, late if that came after the 4th working day", () => {
    expect(clock("forms_chase", { ...dates, spocChasedOn: "2017-04-12" }, "2017-04-20").state).toBe("met_on_time");
    const late = clock("forms_chase", { ...dates, spocChasedOn: "2017-04-13" }, "2017-04-20");
    expect(late.state).toBe("met_late");
    expect(explanation(late)).toContain("JCP SPoC contacted on Thursday 13 April 2017, 1 working day late");
  });

  it("is not met by a duplicate UCPR1 request: that is the other obligation (13.67)", () => {
    expect(clock("forms_chase", { ...dates, ucpr1DuplicateRequestedOn: "2017-04-11" }, "2017-04-13").state).toBe("overdue");
  });

  it("applies only to Universal Credit referrals (13.08), not to 2017 cases or clerical SCR cases", () => {
    expect(clock("forms_chase", { ...dates, ruleset: "ses_2017" }).state).toBe("not_applicable");
    const scr = clock("forms_chase", { ...dates, isScr: true });
    expect(scr.state).toBe("not_applicable");
    expect(explanation(scr)).toContain("SCR");
  });
});

describe("the audit's example: referral Mon 3 Oct 2016, received and keyed Thu 6 Oct (E&W)", () => {
  const keyedLater = { referralDate: "2016-10-03", referralReceivedOn: "2016-10-06" };

  it("chases the forms on Fri 7 Oct (13.14), asks for a duplicate UCPR1 by Wed 12 Oct (13.67) and meets by Thu 20 Oct (13.17)", () => {
    expect(clock("forms_chase", keyedLater, "2016-10-06").dueOn).toBe("2016-10-07");
    expect(clock("ucpr1_duplicate", keyedLater, "2016-10-06").dueOn).toBe("2016-10-12");
    // 13.17: ten working days of receiving the referral — from the entered receipt date.
    expect(clock("meet_participant", keyedLater, "2016-10-06").dueOn).toBe("2016-10-20");
    expect(clock("meet_participant", { ...keyedLater, referralReceivedOn: "2016-10-03" }, "2016-10-06").dueOn).toBe("2016-10-17");
  });
});

describe("UCPR1 duplicate request (13.67): from the date the PRaP referral was received", () => {
  // Received Mon 10 Apr 2017: Tue 11, Wed 12, Thu 13, (Good Friday 14, Easter Monday 17) Tue 18 Apr.
  const dates = { referralDate: "2017-04-06", referralReceivedOn: "2017-04-10" };

  it("is due 4 working days after the referral was received, skipping Easter", () => {
    const duplicate = clock("ucpr1_duplicate", dates, "2017-04-10");
    expect(duplicate.dueOn).toBe("2017-04-18");
    expect(duplicate.paragraphs).toEqual(["13.67"]);
    expect(explanation(duplicate)).toContain("Counted from Monday 10 April 2017, the date the PRaP referral was received.");
  });

  it("does not start until the receipt date is recorded", () => {
    expect(clock("ucpr1_duplicate", { referralDate: "2017-04-06" }, "2017-04-06").state).toBe("not_applicable");
  });

  it("is met by the UCPR1 arriving or by asking for a duplicate — the UC452 alone does not meet it", () => {
    expect(clock("ucpr1_duplicate", { ...dates, ucpr1ReceivedOn: "2017-04-13" }, "2017-04-20").state).toBe("met_on_time");
    expect(clock("ucpr1_duplicate", { ...dates, ucpr1DuplicateRequestedOn: "2017-04-19" }, "2017-04-20")).toMatchObject({ state: "met_late" });
    expect(clock("ucpr1_duplicate", { ...dates, uc452ReceivedOn: "2017-04-11" }, "2017-04-19").state).toBe("overdue");
  });

  it("is not met by the 13.14 SPoC contact: two obligations, two tasks", () => {
    expect(clock("ucpr1_duplicate", { ...dates, spocChasedOn: "2017-04-12" }, "2017-04-19").state).toBe("overdue");
  });

  it("applies only to Universal Credit referrals and never to SCR cases", () => {
    expect(clock("ucpr1_duplicate", { ...dates, ruleset: "ses_2017" }).state).toBe("not_applicable");
    expect(clock("ucpr1_duplicate", { ...dates, isScr: true }).state).toBe("not_applicable");
  });
});

describe("cancel after POST's back-out email: 24 clock hours (13.35, 3.15)", () => {
  it("runs 24 elapsed hours across the start of BST: 10am GMT Sat 25 Mar 2017 → 11am BST Sun 26 Mar", () => {
    const email = { backOutEmailAt: "2017-03-25T10:00:00Z" };
    const cancel = clock("back_out_cancel", email, "2017-03-25", new Date("2017-03-25T12:00:00Z"));
    expect(cancel).toMatchObject({
      dueAt: "2017-03-26T10:00:00.000Z",
      dueOn: "2017-03-26",
      state: "not_yet_due",
      workingDaysRemaining: null,
      provisional: false,
      paragraphs: ["13.35"],
    });
    expect(explanation(cancel)).toContain("POST’s back-out email arrived at 10am on Saturday 25 March 2017 (UK time).");
    expect(explanation(cancel)).toContain("Due by 11am on Sunday 26 March 2017 (UK time).");
    expect(explanation(cancel)).toContain("The UK clocks changed in between");
  });

  it("runs 24 elapsed hours across the end of BST: 9:30am BST Sat 28 Oct 2017 → 8:30am GMT Sun 29 Oct", () => {
    const cancel = clock(
      "back_out_cancel",
      { ruleset: "ses_2017", backOutEmailAt: "2017-10-28T09:30:00+01:00" },
      "2017-10-28",
      new Date("2017-10-28T09:00:00Z"),
    );
    expect(cancel.dueAt).toBe("2017-10-29T08:30:00.000Z");
    expect(cancel.paragraphs).toEqual(["3.15"]);
    expect(explanation(cancel)).toContain("Due by 8:30am on Sunday 29 October 2017 (UK time).");
    expect(explanation(cancel)).toContain("reads 8:30am rather than 9:30am");
  });

  it("is due soon in its last 8 hours (lib/domain/urgency.ts), overdue once the 24 hours have passed", () => {
    const email = { backOutEmailAt: "2017-06-01T14:00:00Z" };
    const at = (instant: string) => clock("back_out_cancel", email, "2017-06-02", new Date(instant)).state;
    expect(at("2017-06-02T05:59:59Z")).toBe("not_yet_due");
    expect(at("2017-06-02T06:00:01Z")).toBe("due_soon");
    expect(at("2017-06-02T14:00:00Z")).toBe("due_soon");
    expect(at("2017-06-02T14:00:01Z")).toBe("overdue");
  });

  it("is met by the cancellation: on time within 24 hours, late after", () => {
    const email = { backOutEmailAt: "2017-06-01T14:00:00Z" };
    const now = new Date("2017-06-05T09:00:00Z");
    expect(clock("back_out_cancel", { ...email, cancelledAt: "2017-06-02T13:59:00Z" }, "2017-06-05", now)).toMatchObject({
      state: "met_on_time",
      metOn: "2017-06-02",
    });
    const late = clock("back_out_cancel", { ...email, cancelledAt: "2017-06-02T16:30:00Z" }, "2017-06-05", now);
    expect(late.state).toBe("met_late");
    expect(explanation(late)).toContain("3 hours late");
  });

  it("does not run until POST's email is recorded, nor for clerical SCR cases", () => {
    expect(clock("back_out_cancel", {}).state).toBe("not_applicable");
    expect(clock("back_out_cancel", { isScr: true, backOutEmailAt: "2017-06-01T14:00:00Z" }).state).toBe("not_applicable");
  });

  it("refuses an instant without a time zone (it would be read in the server's zone)", () => {
    expect(() => clock("back_out_cancel", { backOutEmailAt: "2017-06-01T14:00:00" })).toThrow(TypeError);
    expect(() => clock("back_out_cancel", { backOutEmailAt: "2017-06-01T14:00:00" })).toThrow(/2017-06-01T14:00:00/);
  });
});

describe("clock state on a given day (start due Tue 16 May 2017, E&W)", () => {
  const referral = { referralDate: "2017-04-13" };
  const on = (today: string, settings?: Parameters<typeof computeClocks>[4]) =>
    clock("start", referral, today, NOW, settings);

  it("is not yet due with more than 3 working days left", () => {
    // Wed 10 May: 11, 12, 15, 16 → 4 left.
    expect(on("2017-05-10")).toMatchObject({ state: "not_yet_due", workingDaysRemaining: 4 });
  });

  it("is due soon with 3 or fewer working days left, counting a weekend 'today' correctly", () => {
    expect(on("2017-05-11")).toMatchObject({ state: "due_soon", workingDaysRemaining: 3 });
    // Sat 13 May: 15, 16 → 2 left.
    expect(on("2017-05-13")).toMatchObject({ state: "due_soon", workingDaysRemaining: 2 });
  });

  it("is due today on the due date", () => {
    expect(on("2017-05-16")).toMatchObject({ state: "due_today", workingDaysRemaining: 0 });
  });

  it("is overdue after the due date, with negative working days remaining", () => {
    expect(on("2017-05-17")).toMatchObject({ state: "overdue", workingDaysRemaining: -1 });
    // Mon 22 May: 16, 17, 18, 19 May have passed.
    const overdue = on("2017-05-22");
    expect(overdue).toMatchObject({ state: "overdue", workingDaysRemaining: -4 });
    expect(explanation(overdue)).toContain("Overdue by 4 working days today (Monday 22 May 2017).");
  });

  it("takes the due-soon threshold from settings", () => {
    expect(on("2017-05-10", { dueSoonWorkingDays: 5 }).state).toBe("due_soon");
    expect(on("2017-05-15", { dueSoonWorkingDays: 0 }).state).toBe("not_yet_due");
    expect(() => on("2017-05-15", { dueSoonWorkingDays: -1 })).toThrow(RangeError);
  });

  it("stops every unmet clock when the case is closed, but keeps what was met", () => {
    const closed = computeClocks(
      facts({ referralDate: "2017-04-13", referralReceivedOn: "2017-04-13", firstMetOn: "2017-04-20", closed: true }),
      calendar,
      "2017-06-01",
      NOW,
    );
    const byId = Object.fromEntries(closed.map((c) => [c.id, c]));
    expect(byId.meet_participant.state).toBe("met_on_time");
    expect(byId.start).toMatchObject({ state: "not_applicable", dueOn: "2017-05-16", workingDaysRemaining: null });
    expect(explanation(byId.start)).toContain("The case is closed, so this clock has stopped.");
    expect(byId.forms_chase.state).toBe("not_applicable");
    expect(byId.ucpr1_duplicate.state).toBe("not_applicable");
  });
});

describe("the stricter reading: the referral date counts as day 1 (docs/rules/decisions.md, setting)", () => {
  it("makes each clock due one working day earlier when the start date is a working day", () => {
    const strict = { countDayZero: true };
    expect(clock("start", { referralDate: "2017-04-13" }, "2017-04-13", NOW, strict).dueOn).toBe("2017-05-15");
    const welcome = clock("welcome_call", { ruleset: "ses_2017", nation: "scotland", referralDate: "2017-11-28" }, "2017-11-28", NOW, strict);
    // 28 (day 1), 29, (30 St Andrew's), 1, 4, 5 Dec.
    expect(welcome.dueOn).toBe("2017-12-05");
    expect(explanation(welcome)).toContain("Stricter reading (setting): the start date counts as day 1");
  });

  it("changes nothing when the start date is not a working day (Sat 15 Apr 2017)", () => {
    expect(clock("start", { referralDate: "2017-04-15" }, "2017-04-15", NOW, { countDayZero: true }).dueOn).toBe(
      "2017-05-16",
    );
  });

  it("is always exactly one working day earlier from a working day, in every nation", () => {
    const date = fc
      .integer({ min: parseIsoDate("2012-01-01"), max: parseIsoDate("2027-11-30") })
      .map((dayNumber) => formatIsoDate(dayNumber));
    fc.assert(
      fc.property(date, fc.constantFrom<Nation>(...NATIONS), (referralDate, nation) => {
        fc.pre(calendar.isWorkingDay(referralDate, nation));
        const base = facts({ referralDate, nation, referralReceivedOn: referralDate });
        const lenient = computeDueDates(base, calendar);
        const strict = computeDueDates(base, calendar, { countDayZero: true });
        for (const key of ["formsChaseDueOn", "ucpr1DuplicateDueOn", "meetDueOn", "startDueOn"] as const) {
          expect(calendar.workingDaysBetween(strict[key] ?? "", lenient[key] ?? "", nation)).toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("calendar coverage shows in the clocks", () => {
  it("a 2016 Scotland case uses the computed bank holidays and says they are computed", () => {
    // Referral Tue 22 Nov 2016. Scotland: 23–25 | 28, 29, (30 St Andrew's) 1, 2 | 5–9 | 12–16 | 19–21 Dec.
    const scotland = clock("start", { nation: "scotland", referralDate: "2016-11-22" }, "2016-11-22");
    expect(scotland).toMatchObject({ dueOn: "2016-12-21", provisional: false });
    expect(explanation(scotland)).toContain("St Andrew’s Day (Wednesday 30 November 2016, computed)");
    expect(explanation(scotland)).toContain("an administrator should confirm them");
    expect(clock("start", { referralDate: "2016-11-22" }, "2016-11-22").dueOn).toBe("2016-12-20");
  });

  it("a 2016 Scotland case without the computed data is flagged provisional", () => {
    const feedOnly = createWorkingDayCalendar(shippedBankHolidays().filter((h) => !h.computed));
    const start = computeClocks(facts({ nation: "scotland", referralDate: "2016-11-22" }), feedOnly, "2016-11-22", NOW).find((c) => c.id === "start");
    expect(start).toMatchObject({ id: "start", dueOn: "2016-12-20", provisional: true });
  });

  it("a 2029 case (beyond the loaded years) counts weekends only and warns that the date may move", () => {
    // Mon 14 May 2029: 15–18 | 21–25 | 28 May–1 Jun (Spring bank holiday unknown) | 4–8 | 11 Jun.
    const start = clock("start", { referralDate: "2029-05-14" }, "2029-05-14", new Date("2029-05-14T09:00:00Z"));
    expect(start).toMatchObject({ dueOn: "2029-06-11", provisional: true });
    expect(explanation(start)).toContain(
      "Provisional: England and Wales bank holidays for 2029 are not loaded, so only weekends were skipped there.",
    );
    expect(computeDueDates(facts({ referralDate: "2029-05-14" }), calendar).startDueOn).toBe("2029-06-11");
  });
});

describe("stored due dates for dashboards (independent of today)", () => {
  const uc = facts({ referralDate: "2017-04-13", referralReceivedOn: "2017-04-13" });

  it("stores each due date and the earliest one still open", () => {
    // Referral made and received Thu 13 Apr: (14 Good Friday, 17 Easter Monday) 18, 19, 20, 21 Apr for both chases.
    expect(computeDueDates(uc, calendar)).toEqual({
      formsChaseDueOn: "2017-04-21",
      ucpr1DuplicateDueOn: "2017-04-21",
      welcomeCallDueOn: null,
      meetDueOn: "2017-05-02",
      startDueOn: "2017-05-16",
      cancelDueAt: null,
      exitNoticeDueOn: null,
      nextDeadlineOn: "2017-04-21",
    });
  });

  it("moves the next deadline on when a clock is met, and keeps the met clock's due date for reporting", () => {
    const formsIn = { ...uc, uc452ReceivedOn: "2017-04-18", ucpr1ReceivedOn: "2017-04-18" };
    expect(computeDueDates(formsIn, calendar)).toMatchObject({ formsChaseDueOn: "2017-04-21", ucpr1DuplicateDueOn: "2017-04-21", nextDeadlineOn: "2017-05-02" });
    expect(computeDueDates({ ...formsIn, firstMetOn: "2017-04-25" }, calendar).nextDeadlineOn).toBe("2017-05-16");
  });

  it("includes the back-out cancellation instant and its UK date", () => {
    const backedOut = { ...uc, startedOn: "2017-05-10", firstMetOn: "2017-04-25", spocChasedOn: "2017-04-19", ucpr1DuplicateRequestedOn: "2017-04-19", backOutEmailAt: "2017-06-01T23:30:00Z" };
    // 23:30 UTC on 2 June is 00:30 BST on 3 June.
    expect(computeDueDates(backedOut, calendar)).toMatchObject({
      cancelDueAt: "2017-06-02T23:30:00.000Z",
      nextDeadlineOn: "2017-06-03",
    });
  });

  it("has no next deadline once the case is closed", () => {
    expect(computeDueDates({ ...uc, closed: true }, calendar)).toMatchObject({
      startDueOn: "2017-05-16",
      nextDeadlineOn: null,
    });
  });

  it("matches the due dates computeClocks shows, whatever today is", () => {
    const stored = computeDueDates(uc, calendar);
    for (const today of ["2017-04-13", "2017-05-20", "2018-01-01"]) {
      const clocks = computeClocks(uc, calendar, today, NOW);
      expect(clocks.find((c) => c.id === "start")?.dueOn).toBe(stored.startDueOn);
      expect(clocks.find((c) => c.id === "meet_participant")?.dueOn).toBe(stored.meetDueOn);
    }
  });
});

describe("bad input is refused loudly", () => {
  it("throws a TypeError naming a malformed fact date or today", () => {
    expect(() => computeClocks(facts({ referralDate: "13/04/2017" }), calendar, "2017-04-13", NOW)).toThrow(/13\/04\/2017/);
    expect(() => computeClocks(facts({ firstMetOn: "2017-02-30", referralDate: "2017-02-01" }), calendar, "2017-04-13", NOW)).toThrow(TypeError);
    expect(() => computeClocks(facts(), calendar, "2017-4-13", NOW)).toThrow(TypeError);
    expect(() => computeClocks(facts(), calendar, "2017-04-13", new Date("nonsense"))).toThrow(TypeError);
  });

  it("throws a RangeError for a date outside the calendar's range", () => {
    expect(() => computeClocks(facts({ referralDate: "1999-06-01" }), calendar, "2017-04-13", NOW)).toThrow(RangeError);
  });
});

describe("clocks waiting for their start", () => {
  it("a clock whose start date is not recorded yet is not applicable, and says what starts it", () => {
    const meet = clock("meet_participant", {});
    expect(meet).toMatchObject({ state: "not_applicable", dueOn: null, provisional: false });
    expect(explanation(meet)).toBe(
      "This clock starts when the date the PRaP referral was received or the referral date is recorded.",
    );
  });
});

describe("the welcome call clock (3.07)", () => {
  // Referred Thu 13 Apr 2017; 5 working days: 18, 19, 20, 21, 24 Apr (Good Friday and Easter Monday skipped).
  const referred = { ruleset: "ses_2017" as const, referralDate: "2017-04-13" };

  it("is met on time or late by the recorded call (3.07)", () => {
    expect(clock("welcome_call", { ...referred, welcomeCallOn: "2017-04-24" }, "2017-05-02").state).toBe("met_on_time");
    expect(clock("welcome_call", { ...referred, welcomeCallOn: "2017-04-25" }, "2017-05-02").state).toBe("met_late");
  });

  it("shows 'not met', never 'not applicable', on a case closed without a call (3.07)", () => {
    const closed = clock("welcome_call", { ...referred, closed: true }, "2017-05-02");
    expect(closed.state).toBe("not_met");
    expect(explanation(closed)).toContain("Not met: the case closed without it.");
  });

  it("shows a started case with no call as missed, not overdue forever, and leaves it out of the next deadline (3.07)", () => {
    const started = clock("welcome_call", { ...referred, startedOn: "2017-05-02" }, "2017-06-30");
    expect(started.state).toBe("missed");
    expect(started.workingDaysRemaining).toBeNull();
    expect(computeDueDates(facts({ ...referred, startedOn: "2017-05-02" }), calendar).nextDeadlineOn).toBeNull();
  });

  it("does not run on an SCR case (clerical, 3.31, 3.40)", () => {
    const scr = clock("welcome_call", { ...referred, isScr: true }, "2017-05-02");
    expect(scr.state).toBe("not_applicable");
    expect(computeDueDates(facts({ ...referred, isScr: true }), calendar).welcomeCallDueOn).toBeNull();
  });
});

describe("the exit notice clock (3.16; 13.21 note, 13.36, 13.37)", () => {
  // Left early Fri 2 Jun 2017: 2 working days → Mon 5, Tue 6 Jun.
  const exited = { referralDate: "2017-04-13", startedOn: "2017-05-02", endedOn: "2017-06-02", closed: true };

  it("falls due on the exit date plus the setting's working days (default 2), and runs after the case closed", () => {
    const notice = clock("exit_notice", { ...exited, ruleset: "ses_2017" }, "2017-06-05");
    expect(notice).toMatchObject({ dueOn: "2017-06-06", state: "due_soon" });
    expect(computeDueDates(facts({ ...exited, ruleset: "ses_2017" }), calendar)).toMatchObject({ exitNoticeDueOn: "2017-06-06", nextDeadlineOn: "2017-06-06" });
    expect(clock("exit_notice", { ...exited, ruleset: "ses_2016_uc" }, "2017-06-08").state).toBe("overdue");
  });

  it("uses the administrator's number of working days (exit.noticeWorkingDays)", () => {
    const settings = { exitNoticeWorkingDays: 5 };
    expect(clock("exit_notice", { ...exited, ruleset: "ses_2017" }, "2017-06-05", NOW, settings).dueOn).toBe("2017-06-09");
  });

  it("is met when the notice is recorded as sent, and then leaves the next deadline", () => {
    const sent = { ...exited, ruleset: "ses_2017" as const, exitNoticeSentOn: "2017-06-07" };
    expect(clock("exit_notice", sent, "2017-06-08").state).toBe("met_late");
    expect(computeDueDates(facts(sent), calendar).nextDeadlineOn).toBeNull();
  });

  it("does not apply to a clerical SCR case", () => {
    expect(clock("exit_notice", { ...exited, ruleset: "ses_2017", isScr: true }).state).toBe("not_applicable");
  });
});

describe("clocks computed for a list (explain: false; docs/rules/clocks.md)", () => {
  it("are the same clocks as the case page's — due dates, states, days left, provisional — with their explanation left unwritten", () => {
    // To 2029, whose bank holidays are not loaded: the provisional flag is compared too.
    const day = fc.integer({ min: parseIsoDate("2015-01-01"), max: parseIsoDate("2029-06-30") });
    const dateAfter = (from: number) => fc.option(fc.integer({ min: 0, max: 60 }).map((offset) => formatIsoDate(from + offset)), { nil: null });
    const caseFacts = day.chain((referral) =>
      fc.record({
        ruleset: fc.constantFrom("ses_2016_uc" as const, "ses_2017" as const),
        nation: fc.constantFrom<Nation>(...NATIONS),
        referralDate: fc.option(fc.constant(formatIsoDate(referral)), { nil: null }),
        referralReceivedOn: dateAfter(referral),
        uc452ReceivedOn: dateAfter(referral),
        ucpr1ReceivedOn: dateAfter(referral),
        spocChasedOn: dateAfter(referral),
        ucpr1DuplicateRequestedOn: dateAfter(referral),
        welcomeCallOn: dateAfter(referral),
        firstMetOn: dateAfter(referral),
        startedOn: dateAfter(referral),
        endedOn: dateAfter(referral + 20),
        exitNoticeSentOn: dateAfter(referral + 20),
        backOutEmailAt: fc.option(fc.integer({ min: 0, max: 60 * 24 * 30 }).map((minutes) => new Date((referral * 1440 + minutes) * 60_000).toISOString()), { nil: null }),
        cancelledAt: fc.constant(null),
        closed: fc.boolean(),
        isScr: fc.boolean(),
        today: fc.integer({ min: 0, max: 90 }).map((offset) => formatIsoDate(referral + offset)),
        countDayZero: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(caseFacts, ({ today, countDayZero, ...caseOnly }) => {
        const now = new Date(`${today}T10:00:00Z`);
        const explained = computeClocks(caseOnly, calendar, today, now, { countDayZero });
        const listed = computeClocks(caseOnly, calendar, today, now, { countDayZero }, { explain: false });
        expect(listed).toEqual(explained.map((c) => ({ ...c, explanation: [] })));
        expect(explained.every((c) => c.explanation.length > 0)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});
