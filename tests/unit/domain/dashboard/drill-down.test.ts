import { describe, expect, it } from "vitest";
import { breakdownDrillDown, drillDownQueryString, figureHref, figureKind, parseDrillDownQuery } from "@/lib/domain/dashboard/drill-down";
import { dashboardFiltersSchema } from "@/lib/domain/dashboard/filters";
import { monthStartsOf } from "@/lib/domain/dashboard/periods";

const LEEDS = "00000000-0000-4000-8000-0000000000b1";
const GLASGOW = "00000000-0000-4000-8000-0000000000b2";
const CASEWORKER = "00000000-0000-4000-8000-0000000000c2";

/** docs/decisions/0029-manager-dashboard-drill-downs.md: the address of the cases behind a count. */
describe("dashboard drill-down addresses", () => {
  it("carry the figure, every site, the period and the breakdown row, ids and keywords only, and parse back", () => {
    const filters = dashboardFiltersSchema.parse({ site: [GLASGOW, LEEDS], period: "all-time" });
    const href = figureHref("left-before-deadline", filters, { state: "cancelled", reason: "none" });
    expect(href).toBe(`/dashboard/cases?figure=left-before-deadline&site=${LEEDS}&site=${GLASGOW}&period=all-time&state=cancelled&reason=none`);
    const query = new URLSearchParams(href.split("?")[1]);
    const parsed = parseDrillDownQuery({ ...Object.fromEntries(query), site: query.getAll("site") });
    expect(parsed?.drillDown).toEqual({ figure: "left-before-deadline", site: [LEEDS, GLASGOW], period: "all-time", state: "cancelled", reason: "none" });
    expect(drillDownQueryString(parsed!.drillDown)).toBe(href.split("?")[1]);
  });

  it("refuse a figure that does not exist, a month that is not a month start, and personal data in place of an id", () => {
    expect(parseDrillDownQuery({ figure: "everything" })).toBeNull();
    expect(parseDrillDownQuery({ figure: "measured", month: "2026-12-15" })).toBeNull();
    expect(parseDrillDownQuery({ figure: "open", caseworker: "Jane Smith" })).toBeNull();
    expect(parseDrillDownQuery({ figure: "open", nino: "QQ123456C" })).toBeNull();
  });

  it("a breakdown row narrows the filters: one site, one caseworker or the unassigned row, one route, a month", () => {
    const filters = dashboardFiltersSchema.parse({ site: [LEEDS, GLASGOW] });
    expect(breakdownDrillDown(filters, "site", GLASGOW).filters.site).toEqual([GLASGOW]);
    expect(breakdownDrillDown(filters, "caseworker", CASEWORKER).filters.caseworker).toBe(CASEWORKER);
    expect(breakdownDrillDown(filters, "caseworker", "unassigned").row).toEqual({ unassigned: "yes" });
    expect(breakdownDrillDown(filters, "route", "prap_single").filters.route).toBe("prap_single");
    expect(breakdownDrillDown(filters, "month", "2026-11-01").row).toEqual({ month: "2026-11-01" });
  });

  it("says which dates the period applies to for each figure", () => {
    expect(figureKind("open")).toBe("today");
    expect(figureKind("on-provision")).toBe("today");
    expect(figureKind("on-time")).toBe("start-deadline");
    expect(figureKind("starts")).toBe("start-date");
    expect(figureKind("rejected")).toBe("referral-date");
  });

  it("lists the months a period touches, oldest first, for the chart by month", () => {
    expect(monthStartsOf({ from: "2026-10-01", to: "2026-12-03" })).toEqual(["2026-10-01", "2026-11-01", "2026-12-01"]);
    expect(monthStartsOf({ from: "2026-11-01", to: "2026-11-30" })).toEqual(["2026-11-01"]);
    expect(monthStartsOf({ from: "2016-01-01", to: "2026-12-03" })).toHaveLength(132);
  });
});
