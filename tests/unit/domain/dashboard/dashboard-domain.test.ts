import { describe, expect, it } from "vitest";
import { DASHBOARD_DEFINITIONS } from "@/lib/domain/dashboard/definitions";
import { dashboardExportSchema, dashboardFiltersSchema, dashboardQueryString, parseDashboardQuery } from "@/lib/domain/dashboard/filters";
import { ENDED_WITHOUT_START_STATES, barPercent, formatShare, nextActionDue, startRisk, startRiskText, startTargetFigure, type NextActionInput } from "@/lib/domain/dashboard/figures";
import { endOfWeek, firstOfMonth, lastOfMonth, lastTwelveMonthStarts, monthLabel, periodRange } from "@/lib/domain/dashboard/periods";
import { isSameOriginRequest } from "@/lib/security/same-origin";

const SITE = "3f2c1b4a-9d8e-4f70-a1b2-c3d4e5f60718";

describe("dashboard periods", () => {
  it("works out month starts and ends across year boundaries and leap years", () => {
    expect(firstOfMonth("2026-01-15", 1)).toBe("2025-12-01");
    expect(firstOfMonth("2026-03-31", 11)).toBe("2025-04-01");
    expect(firstOfMonth("2026-12-03", -1)).toBe("2027-01-01");
    expect(lastOfMonth("2028-02-10")).toBe("2028-02-29");
    expect(lastOfMonth("2026-12-01")).toBe("2026-12-31");
    expect(monthLabel("2026-11-01")).toBe("November 2026");
  });

  it("turns each period into an inclusive date range ending today (or last month's last day)", () => {
    expect(periodRange("this-month", "2026-12-03")).toEqual({ from: "2026-12-01", to: "2026-12-03" });
    expect(periodRange("last-month", "2026-01-10")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(periodRange("last-3-months", "2026-12-03")).toEqual({ from: "2026-10-01", to: "2026-12-03" });
    expect(parseDashboardQuery({ sort: "case" }).sort).toBe("case");
    expect(parseDashboardQuery({ sort: "name; DROP TABLE" })).toMatchObject({ sort: "must-start-by", errors: [] });
    expect(periodRange("all-time", "2026-12-03")).toEqual({ from: "2016-01-01", to: "2026-12-03" });
    expect(periodRange("last-12-months", "2026-12-03")).toEqual({ from: "2026-01-01", to: "2026-12-03" });
  });

  it("lists the 12 months ending with this month, oldest first", () => {
    const months = lastTwelveMonthStarts("2026-02-20");
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2025-03-01");
    expect(months[11]).toBe("2026-02-01");
  });

  it("ends the week on Sunday: Monday to Sunday all map to the same Sunday", () => {
    for (const day of ["2026-11-30", "2026-12-02", "2026-12-05", "2026-12-06"]) expect(endOfWeek(day), day).toBe("2026-12-06");
    expect(endOfWeek("2026-12-07")).toBe("2026-12-13");
  });
});

const OTHER_SITE = "0b9f1c7e-3a52-4d0e-9a1f-5c2b7d8e9f10";

describe("dashboard filters (strict, from the query string)", () => {
  it("defaults the period to the last 12 months and accepts empty selects as 'all'", () => {
    expect(dashboardFiltersSchema.parse({ site: "", caseworker: "", route: "", period: "" })).toEqual({ site: [], period: "last-12-months" });
  });

  it("rejects unknown keys, malformed ids and the clerical SCR route (decision 0005)", () => {
    expect(dashboardFiltersSchema.safeParse({ restricted: "false" }).success).toBe(false);
    expect(dashboardFiltersSchema.safeParse({ site: "1 OR 1=1" }).success).toBe(false);
    expect(dashboardFiltersSchema.safeParse({ route: "scr_clerical" }).success).toBe(false);
    expect(dashboardFiltersSchema.parse({ site: SITE.toUpperCase(), route: "prap_single", period: "this-month" })).toEqual({ site: [SITE], route: "prap_single", period: "this-month" });
  });

  it("parses a page query: takes out the page, keeps valid filters, reports the bad ones", () => {
    expect(parseDashboardQuery({ site: SITE, page: "3" })).toEqual({ filters: { site: [SITE], period: "last-12-months" }, page: 3, sort: "must-start-by", errors: [] });
    const bad = parseDashboardQuery({ site: SITE, caseworker: "nobody", period: "forever", extra: "x", page: "-2" });
    expect(bad.filters).toEqual({ site: [SITE], period: "last-12-months" });
    expect(bad.page).toBe(1);
    expect(bad.errors.map((error) => error.field)).toEqual(expect.arrayContaining(["caseworker", "period"]));
    expect(bad.errors.length).toBeGreaterThanOrEqual(3);
  });

  it("round-trips filters through the query string", () => {
    const filters = { site: [SITE, OTHER_SITE].sort(), route: "prap_two_stage" as const, period: "last-month" as const };
    const query = new URLSearchParams(dashboardQueryString(filters, { page: 2 }));
    const params: Record<string, string | string[]> = { ...Object.fromEntries(query), site: query.getAll("site") };
    expect(parseDashboardQuery(params)).toEqual({ filters, page: 2, sort: "must-start-by", errors: [] });
  });

  it("the export body needs a known list and nothing else", () => {
    expect(dashboardExportSchema.safeParse({ list: "at-risk", period: "this-month" }).success).toBe(true);
    expect(dashboardExportSchema.safeParse({ list: "scr-cases", period: "this-month" }).success).toBe(false);
    expect(dashboardExportSchema.safeParse({ list: "at-risk", includeRestricted: "true" }).success).toBe(false);
  });
});

describe("start-target figures (13.13, 3.07)", () => {
  it("derives missed-and-not-started and the on-time share from the counts", () => {
    expect(startTargetFigure({ measured: 6, onTime: 4, startedLate: 1 })).toEqual({ measured: 6, onTime: 4, startedLate: 1, missedNotStarted: 1, share: 4 / 6 });
    expect(startTargetFigure({ measured: 0, onTime: 0, startedLate: 0 }).share).toBeNull();
  });

  it("formats the share as a whole per cent, and says when nothing was measured", () => {
    expect(formatShare(4 / 6)).toBe("67%");
    expect(formatShare(1)).toBe("100%");
    expect(formatShare(null)).toBe("No cases measured");
  });

  it("classes a waiting case by working days left, in words that do not rely on colour (UX-06)", () => {
    expect(startRisk(-15, "2026-11-12", "2026-12-03")).toBe("missed");
    expect(startRisk(0, "2026-12-03", "2026-12-03")).toBe("due_today");
    expect(startRisk(5, "2026-12-10", "2026-12-03")).toBe("at_risk");
    expect(startRisk(6, "2026-12-11", "2026-12-03")).toBe("on_track");
    expect(startRiskText("missed", -1)).toBe("Missed: 1 working day overdue");
    expect(startRiskText("at_risk", 3)).toBe("At risk: 3 working days left");
    expect(startRiskText("due_today", 0)).toBe("Must start today");
  });

  it("bars are proportional, never negative, and a non-zero value is always visible", () => {
    expect(barPercent(50, 100)).toBe(50);
    expect(barPercent(1, 1000)).toBe(1);
    expect(barPercent(0, 0)).toBe(0);
    expect(barPercent(-3, 10)).toBe(0);
  });
});

describe("next action due before the start, from the stored due dates", () => {
  const none: NextActionInput = {
    meetDueOn: null,
    initialAssessmentOn: null,
    firstMetOn: null,
    formsChaseDueOn: null,
    ucpr1DuplicateDueOn: null,
    ucpr1DuplicateRequestedOn: null,
    uc452ReceivedOn: null,
    ucpr1ReceivedOn: null,
    spocChasedOn: null,
    welcomeCallDueOn: null,
    welcomeCallOn: null,
  };

  // Changed on purpose: two obligations, two tasks (docs/rules/clocks.md).
  it("is the forms chase until both forms arrive or the SPoC is contacted (13.14)", () => {
    const input = { ...none, formsChaseDueOn: "2026-12-02", meetDueOn: "2026-12-10" };
    expect(nextActionDue(input)?.id).toBe("forms_chase");
    expect(nextActionDue({ ...input, spocChasedOn: "2026-12-01" })?.id).toBe("initial_assessment");
    expect(nextActionDue({ ...input, uc452ReceivedOn: "2026-12-01", ucpr1ReceivedOn: "2026-12-01" })?.id).toBe("initial_assessment");
    expect(nextActionDue({ ...input, uc452ReceivedOn: "2026-12-01" })?.id).toBe("forms_chase");
  });

  it("is the UCPR1 duplicate request until the UCPR1 arrives or a duplicate is asked for (13.67)", () => {
    const input = { ...none, ucpr1DuplicateDueOn: "2026-12-03", meetDueOn: "2026-12-10" };
    expect(nextActionDue(input)?.id).toBe("ucpr1_duplicate");
    expect(nextActionDue({ ...input, ucpr1DuplicateRequestedOn: "2026-12-02" })?.id).toBe("initial_assessment");
    expect(nextActionDue({ ...input, ucpr1ReceivedOn: "2026-12-02" })?.id).toBe("initial_assessment");
    // The SPoC contact for 13.14 does not discharge 13.67.
    expect(nextActionDue({ ...input, spocChasedOn: "2026-12-01" })?.id).toBe("ucpr1_duplicate");
    expect(nextActionDue({ ...input, formsChaseDueOn: "2026-12-02" })?.id).toBe("forms_chase");
  });

  it("is the Initial Assessment until held, due on the booked date when earlier than the 10-day limit (13.17)", () => {
    expect(nextActionDue({ ...none, meetDueOn: "2026-12-10", initialAssessmentOn: "2026-12-07" })).toMatchObject({ id: "initial_assessment", dueOn: "2026-12-07" });
    expect(nextActionDue({ ...none, meetDueOn: "2026-12-10", firstMetOn: "2026-12-01" })).toBeNull();
  });

  it("is the welcome call until made (3.07), the earliest outstanding action winning", () => {
    expect(nextActionDue({ ...none, welcomeCallDueOn: "2026-12-04", meetDueOn: "2026-12-10" })?.id).toBe("welcome_call");
    expect(nextActionDue({ ...none, welcomeCallDueOn: "2026-12-04", welcomeCallOn: "2026-12-03" })).toBeNull();
  });
});

describe("definitions shown on the page", () => {
  it("say what counts as started, that day 0 is not counted, which calendar, and the SCR clock", () => {
    const text = DASHBOARD_DEFINITIONS.map((definition) => `${definition.term}: ${definition.text}`).join("\n");
    expect(text).toMatch(/Started: .*start date/);
    expect(text).toMatch(/day 0 and is not counted/);
    expect(text).toMatch(/nation where the case’s site delivers the provision.*Glasgow.*Scotland/);
    expect(text).toMatch(/SL2 was received/);
    expect(text).toMatch(/Restricted cases: .*headline totals only/);
  });

  it("define the honest start measure: every deadline in the period, closed after it still counts, grouped by deadline month (13.13, 3.07)", () => {
    const text = DASHBOARD_DEFINITIONS.map((definition) => `${definition.term}: ${definition.text}`).join("\n");
    expect(text).toMatch(/every referral whose start deadline falls in the period/);
    expect(text).toMatch(/rejected, cancelled or found not suitable after its deadline passed still counts/);
    expect(text).toMatch(/month of its deadline/);
    expect(text).toMatch(/Left before the deadline: .*closed without starting before its start deadline/);
  });

  it("lets only a closure the guidance allows take a referral out of the measure; a backed-out start is not one (13.13, 13.35)", () => {
    expect([...ENDED_WITHOUT_START_STATES].sort()).toEqual(["cancelled", "not_eligible", "not_suitable", "provision_full", "rejected"]);
  });
});

describe("same-origin check for the export route (CS-05)", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("accepts a same-origin form post", () => {
    expect(isSameOriginRequest(headers({ origin: "http://localhost:3201", host: "localhost:3201", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(headers({ origin: "https://ses.example", host: "ses.example" }))).toBe(true);
  });

  it("refuses cross-site, same-site, a null or missing Origin, and a mismatched host", () => {
    expect(isSameOriginRequest(headers({ origin: "https://evil.example", host: "ses.example", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "https://ses.example", host: "ses.example", "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "null", host: "ses.example" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "ses.example", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "https://evil.example", host: "ses.example" }))).toBe(false);
  });
});
