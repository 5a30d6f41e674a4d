import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_ROUTES, dashboardFiltersSchema, type DashboardFilters } from "@/lib/domain/dashboard/filters";
import { breakdownDrillDown, drillDownSchema, parseDrillDownQuery, type DashboardFigure, type DrillDownRow } from "@/lib/domain/dashboard/drill-down";
import { DASHBOARD_PERIODS } from "@/lib/domain/dashboard/periods";
import type { DashboardView } from "@/lib/domain/dashboard/view";
import { listAtRisk, loadDashboard } from "@/lib/server/dashboard/load-dashboard";
import { listFigureCases } from "@/lib/server/dashboard/list-figure-cases";
import { exportFigureCases } from "@/lib/server/dashboard/export-figure-cases";
import { exportDashboardList } from "@/lib/server/dashboard/export-dashboard-list";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";
import { CASEWORKER_A, GLASGOW, LEEDS, NOW, TODAY, actors, caseId, seedDashboardFixture } from "@/tests/integration/support/dashboard-fixture";

/**
 * Every count on the manager dashboard links to the list of cases behind it
 * (docs/decisions/0029-manager-dashboard-drill-downs.md): with the same filters, each list's length is
 * the count shown — for every breakdown always, and for every headline total whenever the totals
 * leave SCR cases out; SCR cases are never listed (docs/decisions/0005-restricted-cases-in-manager-figures.md).
 */
const SCR_IDS = [caseId("c08"), caseId("c14")];

interface Shown {
  where: string;
  figure: DashboardFigure;
  filters: DashboardFilters;
  row: DrillDownRow;
  count: number;
  /** A headline total (totals scope: SCR cases counted unless a caseworker or route filter is set). */
  headline: boolean;
}

/** Every count the dashboard shows, with the drill-down its link leads to (as the page builds the links). */
function countsShown(view: DashboardView): Shown[] {
  const f = view.filters;
  const shown: Shown[] = [];
  const add = (where: string, figure: DashboardFigure, count: number, headline: boolean, filters: DashboardFilters = f, row: DrillDownRow = {}) => shown.push({ where, figure, filters, row, count, headline });
  const start = (where: string, figure: { measured: number; onTime: number; startedLate: number; missedNotStarted: number }, headline: boolean, filters: DashboardFilters = f, row: DrillDownRow = {}) => {
    add(`${where} measured`, "measured", figure.measured, headline, filters, row);
    add(`${where} on time`, "on-time", figure.onTime, headline, filters, row);
    add(`${where} late`, "started-late", figure.startedLate, headline, filters, row);
    add(`${where} missed`, "missed-not-started", figure.missedNotStarted, headline, filters, row);
  };
  start("this month", view.startTarget.thisMonth, true, f, { month: view.thisMonth.from });
  start("period", view.startTarget.period, true);
  for (const row of view.startTarget.byMonth) start(`month ${row.key}`, row, false, f, { month: row.key });
  for (const [dimension, rows] of [["site", view.startTarget.bySite], ["caseworker", view.startTarget.byCaseworker], ["route", view.startTarget.byRoute]] as const) {
    for (const row of rows) {
      const narrowed = breakdownDrillDown(f, dimension, row.key);
      start(`by ${dimension} ${row.label}`, row, false, narrowed.filters, narrowed.row);
    }
  }
  for (const row of view.startTarget.leftBeforeDeadline) add(`left ${row.key}`, "left-before-deadline", row.count, false, f, { state: row.state as DrillDownRow["state"], reason: row.reasonId });
  add("waiting to start", "awaiting-start", view.atRisk.awaitingStartTotal, true);
  add("start missed", "start-missed", view.atRisk.missedTotal, true);
  add("at risk", "at-risk", view.atRisk.atRiskTotal, true);
  add("meetings missed", "meetings-missed", view.clocks.meetingsMissed, true);
  add("forms chases", "forms-chases-due", view.clocks.formsChasesDue, true);
  add("UCPR1 duplicates", "ucpr1-duplicates-due", view.clocks.ucpr1DuplicatesDue, true);
  add("cancellations pending", "cancellations-pending", view.clocks.cancellationsPending, true);
  add("cancellations overdue", "cancellations-overdue", view.clocks.cancellationsOverdue, true);
  add("open", "open", view.caseload.openTotal, true);
  add("unassigned", "unassigned", view.caseload.unassignedTotal, true);
  for (const row of view.caseload.bySite) {
    add(`open at ${row.label}`, "open", row.open, false, { ...f, site: [row.key] });
    add(`unassigned at ${row.label}`, "unassigned", row.unassigned, false, { ...f, site: [row.key] });
  }
  for (const row of view.caseload.byCaseworker) add(`open for ${row.label}`, "open", row.open, false, { ...f, caseworker: row.key });
  add("on provision", "on-provision", view.provision.onProvisionTotal, true);
  for (const row of view.provision.byStrand) {
    add(`on provision ${row.label}`, "on-provision", row.onProvision, false, f, { strand: row.key });
    add(`starts ${row.label}`, "starts", row.starts, false, f, { strand: row.key });
  }
  for (const row of view.funnel.stages) add(`funnel ${row.key}`, row.key as DashboardFigure, row.count, true);
  for (const row of view.funnel.outcomes) add(`outcome ${row.key}`, row.key.replace("_", "-") as DashboardFigure, row.count, true);
  for (const [figure, rows] of [["rejected", view.funnel.rejectionReasons], ["cancelled", view.funnel.cancellationReasons], ["left-early", view.funnel.earlyLeaverReasons]] as const) {
    for (const row of rows) add(`${figure} reason ${row.label}`, figure, row.count, false, f, { reason: row.key });
  }
  return shown;
}

describe("manager dashboard drill-downs: each count is the length of the list behind it", () => {
  let db: TestDatabase;
  const filters = (extra: Partial<DashboardFilters> = {}) => dashboardFiltersSchema.parse(extra);
  const load = (extra: Partial<DashboardFilters> = {}) => loadDashboard(db.prisma, actors.manager, filters(extra), TODAY, { now: NOW });
  const list = (shown: Pick<Shown, "figure" | "filters" | "row">) =>
    listFigureCases(db.prisma, actors.manager, drillDownSchema.parse({ ...shown.filters, ...shown.row, figure: shown.figure }), TODAY, { page: 1, pageSize: 1000, now: NOW });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDashboardFixture(db.prisma);
    // The strand of provision (13.25–13.27) on two started cases, one each; the rest have none recorded.
    await db.prisma.case.update({ where: { id: caseId("c01") }, data: { strand: "sesmp" } });
    await db.prisma.case.update({ where: { id: caseId("c02") }, data: { strand: "sessb" } });
  });
  afterAll(() => db.close());

  it("with a route filter (totals without SCR cases, decision 0005) every count on the dashboard, headline or breakdown, equals its list's length, in every period", async () => {
    let checked = 0;
    for (const route of DASHBOARD_ROUTES) {
      for (const period of DASHBOARD_PERIODS) {
        const view = await load({ route, period });
        for (const shown of countsShown(view)) {
          const result = await list(shown);
          expect(result.total, `${route}, ${period}: ${shown.where}`).toBe(shown.count);
          expect(result.rows).toHaveLength(shown.count);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("with no filter every breakdown equals its list; a headline total counts the SCR cases its list leaves out, and no list holds an SCR case (decision 0005)", async () => {
    for (const period of DASHBOARD_PERIODS) {
      const view = await load({ period });
      expect(view.totalsIncludeRestricted).toBe(true);
      for (const shown of countsShown(view)) {
        const result = await list(shown);
        expect(result.rows.map((row) => row.id).filter((id) => SCR_IDS.includes(id)), shown.where).toEqual([]);
        if (shown.headline) expect(shown.count - result.total, `${period}: ${shown.where}`).toBeGreaterThanOrEqual(0);
        else expect(result.total, `${period}: ${shown.where}`).toBe(shown.count);
      }
    }
    // Case 8 (SCR) is measured in the last 12 months: 7 in the total, 6 listed.
    const view = await load();
    expect(view.startTarget.period.measured).toBe(7);
    expect((await list({ figure: "measured", filters: view.filters, row: {} })).total).toBe(6);
  });

  it("with a caseworker filter every count equals its list (the totals leave SCR cases out)", async () => {
    const view = await load({ caseworker: CASEWORKER_A, period: "all-time" });
    for (const shown of countsShown(view)) expect((await list(shown)).total, shown.where).toBe(shown.count);
  });

  it("several sites together: each figure is the sum of the sites' figures, and the lists hold both sites' cases", async () => {
    const both = await load({ site: [LEEDS, GLASGOW], route: "prap_single" });
    const leeds = await load({ site: [LEEDS], route: "prap_single" });
    const glasgow = await load({ site: [GLASGOW], route: "prap_single" });
    expect(both.filters.site).toEqual([LEEDS, GLASGOW].sort());
    expect(both.caseload.openTotal).toBe(leeds.caseload.openTotal + glasgow.caseload.openTotal);
    expect(both.startTarget.period.measured).toBe(leeds.startTarget.period.measured + glasgow.startTarget.period.measured);
    expect(both.funnel.stages[0].count).toBe(leeds.funnel.stages[0].count + glasgow.funnel.stages[0].count);
    const referred = await list({ figure: "referred", filters: both.filters, row: {} });
    expect(new Set(referred.rows.map((row) => row.siteName)).size).toBe(2);
    for (const shown of countsShown(both)) expect((await list(shown)).total, shown.where).toBe(shown.count);
  });

  it("the period applies to every chart over time: the by-month chart has the period's months, 'All time' starts at the first measured month", async () => {
    expect((await load({ period: "this-month" })).startTarget.byMonth.map((row) => row.key)).toEqual(["2026-12-01"]);
    expect((await load({ period: "last-3-months" })).startTarget.byMonth.map((row) => row.key)).toEqual(["2026-10-01", "2026-11-01", "2026-12-01"]);
    const allTime = await load({ period: "all-time" });
    expect(allTime.period.label).toBe("All time");
    expect(allTime.startTarget.byMonth[0].measured).toBeGreaterThan(0);
    expect(allTime.startTarget.byMonth.at(-1)?.key).toBe("2026-12-01");
    const thisMonth = await load({ period: "this-month" });
    expect(allTime.funnel.stages[0].count).toBeGreaterThan(thisMonth.funnel.stages[0].count);
  });

  it("strand split and on provision now (13.25–13.27): started cases not yet completed or left, by Main Provision and Start Back", async () => {
    const view = await load({ period: "all-time" });
    const onProvision = await list({ figure: "on-provision", filters: view.filters, row: {} });
    expect(onProvision.rows.every((row) => row.stateLabel === "Started")).toBe(true);
    expect(view.provision.byStrand.map((row) => row.label)).toEqual(expect.arrayContaining(["Main Provision", "Start Back"]));
    const main = view.provision.byStrand.find((row) => row.key === "sesmp");
    const startBack = view.provision.byStrand.find((row) => row.key === "sessb");
    expect(main).toMatchObject({ onProvision: 1, starts: 1 });
    expect(startBack).toMatchObject({ onProvision: 1, starts: 1 });
    expect((await list({ figure: "starts", filters: view.filters, row: { strand: "sesmp" } })).rows.map((row) => row.id)).toEqual([caseId("c01")]);
  });

  it("the at-risk list sorts by each sortable column in both directions (MoJ sortable table, server-sorted)", async () => {
    const sorted = async (sort: "case" | "case-desc" | "must-start-by" | "must-start-by-desc") =>
      (await listAtRisk(db.prisma, actors.manager, filters({ period: "all-time" }), TODAY, { page: 1, pageSize: 100, sort })).rows;
    const byCase = (await sorted("case")).map((row) => row.reference);
    expect(byCase.length).toBeGreaterThan(2);
    expect(byCase).toEqual([...byCase].sort());
    expect((await sorted("case-desc")).map((row) => row.reference)).toEqual([...byCase].reverse());
    const due = (await sorted("must-start-by-desc")).map((row) => row.startDueOn);
    expect(due).toEqual([...due].sort().reverse());
    expect((await sorted("must-start-by")).map((row) => row.startDueOn)).toEqual([...due].reverse());
    // The CSV keeps the order on screen.
    const file = await exportDashboardList(db.prisma, actors.manager, { list: "at-risk", period: "all-time", sort: "case-desc" }, TODAY);
    const references = file.csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/).slice(1).map((line) => line.split(",")[0]);
    expect(references).toEqual([...byCase].reverse());
  });

  it("a page past the end of a drill-down shows its last page", async () => {
    const drillDown = drillDownSchema.parse({ figure: "referred", period: "all-time" });
    const all = await listFigureCases(db.prisma, actors.manager, drillDown, TODAY, { page: 1, pageSize: 1000, now: NOW });
    const last = await listFigureCases(db.prisma, actors.manager, drillDown, TODAY, { page: 99, pageSize: 4, now: NOW });
    expect(last.page).toBe(Math.ceil(all.total / 4));
    expect(last.rows.map((row) => row.id)).toEqual(all.rows.slice((last.page - 1) * 4).map((row) => row.id));
  });

  it("the drill-down's address is ids and keywords only: unknown keys, bad ids and the SCR route are refused", () => {
    expect(parseDrillDownQuery({ figure: "open", site: [LEEDS, GLASGOW], period: "all-time", page: "2" })).toMatchObject({ drillDown: { figure: "open", site: [LEEDS, GLASGOW].sort() }, page: 2 });
    expect(parseDrillDownQuery({ figure: "scr-cases" })).toBeNull();
    expect(parseDrillDownQuery({ figure: "open", site: "1 OR 1=1" })).toBeNull();
    expect(parseDrillDownQuery({ figure: "open", route: "scr_clerical" })).toBeNull();
    expect(parseDrillDownQuery({ figure: "open", restricted: "true" })).toBeNull();
  });

  it("the CSV holds the same rows as the list, readable headers (no codes), one audit row per export, never an SCR case", async () => {
    const drillDown = drillDownSchema.parse({ figure: "referred", period: "all-time" });
    const shown = await list({ figure: "referred", filters: filters({ period: "all-time" }), row: {} });
    const file = await exportFigureCases(db.prisma, actors.manager, drillDown, TODAY, NOW);
    const lines = file.csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toBe("Case reference,Claimant,State,Route,Strand,Site,Caseworker,Referral date,Must start by,Started on,Next deadline");
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(shown.rows.map((row) => row.reference));
    expect(file.rowCount).toBe(shown.total);
    expect(file.csv).not.toMatch(/\b(prap_single|prap_two_stage|left_early|not_suitable|sesmp|sessb)\b/);
    for (const id of SCR_IDS) {
      const scr = await db.prisma.case.findUniqueOrThrow({ where: { id }, select: { reference: true } });
      expect(file.csv).not.toContain(scr.reference);
    }
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "dashboard.export", entityId: "referred" } });
    expect(audit).toHaveLength(1);
    await expect(exportFigureCases(db.prisma, actors.caseworkerA, drillDown, TODAY, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
