import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DASHBOARD_FILTERS, dashboardFiltersSchema, type DashboardFilters } from "@/lib/domain/dashboard/filters";
import { listOpenCases, loadDashboard } from "@/lib/server/dashboard/load-dashboard";
import { exportDashboardList } from "@/lib/server/dashboard/export-dashboard-list";
import { listMyCasesDueThisWeek } from "@/lib/server/dashboard/list-my-cases-due";
import { listFigureCases } from "@/lib/server/dashboard/list-figure-cases";
import { drillDownSchema } from "@/lib/domain/dashboard/drill-down";
import { UseCaseError } from "@/lib/server/use-case-error";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";
import { CASEWORKER_A, CASEWORKER_B, GLASGOW, LEEDS, NOW, OFFICER, TODAY, actors, caseId, seedDashboardFixture } from "@/tests/integration/support/dashboard-fixture";

/**
 * Every dashboard figure against the hand-counted dataset in support/dashboard-fixture.ts: the start
 * target (13.13, 3.07) with a bank holiday that moves a deadline and a Scottish site, the
 * at-risk list, the other clocks (13.17, 13.14/13.67, 13.35/3.15), caseload, the funnel, the
 * filters, the export — and SCR cases in totals only (docs/decisions/0005-restricted-cases-in-manager-figures.md).
 */
const filters = (extra: Partial<DashboardFilters> = {}): DashboardFilters => dashboardFiltersSchema.parse({ ...extra });
const refsOf = (rows: { id: string }[]) => rows.map((row) => row.id);
const SCR_IDS = [caseId("c08"), caseId("c14")];

describe("manager dashboard figures (hand-counted)", () => {
  let db: TestDatabase;
  const load = (extra: Partial<DashboardFilters> = {}) => loadDashboard(db.prisma, actors.manager, filters(extra), TODAY, { now: NOW });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDashboardFixture(db.prisma);
  });
  afterAll(() => db.close());

  it("stores the start deadlines counted by hand: St Andrew's Day moves Glasgow's, the August bank holiday moves Leeds's (13.13, 3.07)", async () => {
    const due = async (key: string) => (await db.prisma.case.findUniqueOrThrow({ where: { id: caseId(key) } })).startDueOn?.toISOString().slice(0, 10);
    expect(await due("c01")).toBe("2026-11-30"); // Leeds, referred 2 Nov
    expect(await due("c02")).toBe("2026-12-01"); // Glasgow, referred 2 Nov: 30 Nov is a Scottish bank holiday
    expect(await due("c04")).toBe("2026-11-12");
    expect(await due("c05")).toBe("2026-12-08");
    expect(await due("c10")).toBe("2026-09-01"); // 31 Aug 2026 is the E&W summer bank holiday
    expect(await due("c14")).toBe("2026-12-18"); // SCR: 20 working days from the SL2's receipt
    expect(await due("c09")).toBe("2026-09-29");
    expect(await due("c11")).toBe("2026-12-01");
  });

  // Changed on purpose (13.13, 3.07): case 11, rejected after its deadline, is now
  // counted as not started by the deadline; it no longer leaves the measure by being closed.
  it("start target for the last 12 months: 4 of 7 on time in the totals (SCR case 8 included), 1 late, 2 not started by the deadline — one rejected after it (13.13, 3.07)", async () => {
    const view = await load();
    expect(view.totalsIncludeRestricted).toBe(true);
    expect(view.startTarget.period).toEqual({ measured: 7, onTime: 4, startedLate: 1, missedNotStarted: 2, share: 4 / 7 });
  });

  it("a referral closed before its start deadline leaves the denominator and the dashboard says which (13.13)", async () => {
    const view = await load();
    expect(view.startTarget.leftBeforeDeadline).toEqual([{ key: "cancelled:Did Not Start", label: "Cancelled – Did Not Start", count: 1, state: "cancelled", reasonId: expect.any(String) }]); // case 9
    const lastMonth = await load({ period: "last-month" });
    expect(lastMonth.startTarget.leftBeforeDeadline).toEqual([]);
  });

  it("start target this month: the Glasgow case started on its deadline, 1 December, is on time; case 11 rejected the day after its 1 December deadline is not started", async () => {
    const view = await load();
    expect(view.thisMonth).toMatchObject({ from: "2026-12-01", to: TODAY, label: "December 2026" });
    expect(view.startTarget.thisMonth).toMatchObject({ measured: 2, onTime: 1, missedNotStarted: 1, share: 1 / 2 });
  });

  // Changed on purpose: a case counts in its deadline's month (case 10 moves from August to September).
  it("start target by month: 12 months, each case in the month of its start deadline, no SCR case (13.13)", async () => {
    const view = await load();
    const month = (key: string) => view.startTarget.byMonth.find((row) => row.key === key);
    expect(view.startTarget.byMonth).toHaveLength(12);
    expect(view.startTarget.byMonth[0].key).toBe("2026-01-01");
    expect(view.startTarget.byMonth[11].key).toBe("2026-12-01");
    expect(month("2026-09-01")).toMatchObject({ measured: 1, onTime: 1 }); // case 10: started 20 Aug, due 1 Sep
    expect(month("2026-10-01")).toMatchObject({ measured: 1, onTime: 0, startedLate: 1 }); // case 3; SCR case 8 left out
    expect(month("2026-11-01")).toMatchObject({ measured: 2, onTime: 1, missedNotStarted: 1 }); // cases 1 and 4
    expect(month("2026-12-01")).toMatchObject({ measured: 2, onTime: 1, missedNotStarted: 1 }); // case 2; case 11 rejected after its deadline
    expect(month("2026-08-01")).toMatchObject({ measured: 0, share: null });
  });

  it("start target per site, per caseworker and per route for the period, without SCR cases", async () => {
    const view = await load();
    expect(view.startTarget.bySite.map(({ key, measured, onTime, startedLate }) => ({ key, measured, onTime, startedLate }))).toEqual([
      { key: GLASGOW, measured: 1, onTime: 1, startedLate: 0 },
      { key: LEEDS, measured: 5, onTime: 2, startedLate: 1 },
    ]);
    expect(view.startTarget.byCaseworker.map(({ key, label, measured, onTime }) => ({ key, label, measured, onTime }))).toEqual([
      { key: CASEWORKER_A, label: "Alice Ashworth", measured: 5, onTime: 2 },
      { key: CASEWORKER_B, label: "Bruce Buchanan", measured: 1, onTime: 1 },
    ]);
    expect(view.startTarget.byRoute.map(({ key, measured, onTime }) => ({ key, measured, onTime }))).toEqual([
      { key: "prap_two_stage", measured: 2, onTime: 0 },
      { key: "prap_single", measured: 4, onTime: 3 },
    ]);
  });

  it("at risk: open cases not started, fewest working days left first, with must-start-by and next action", async () => {
    const view = await load();
    expect(refsOf(view.atRisk.rows)).toEqual([caseId("c04"), caseId("c05"), caseId("c07"), caseId("c06")]);
    expect(view.atRisk.rows.map((row) => [row.startDueOn, row.workingDaysLeft, row.risk])).toEqual([
      ["2026-11-12", -15, "missed"],
      ["2026-12-08", 3, "at_risk"], // Scottish working days: 4, 7, 8 December
      ["2026-12-14", 7, "on_track"],
      ["2026-12-24", 15, "on_track"],
    ]);
    expect(view.atRisk.rows[0].riskText).toBe("Missed: 15 working days overdue");
    expect(view.atRisk.rows[0].nextAction).toBeNull(); // forms in, IA held
    expect(view.atRisk.rows[2].nextAction).toMatchObject({ id: "initial_assessment", dueOn: "2026-11-30" }); // 13.17
    expect(view.atRisk.rows[3].nextAction).toMatchObject({ id: "forms_chase", dueOn: "2026-12-02" }); // 13.14
    expect(view.atRisk.rows[1].nextAction).toMatchObject({ id: "welcome_call" }); // 3.07
    expect(view.atRisk.total).toBe(4);
    // Headline totals count the waiting SCR case 14 too.
    expect({ waiting: view.atRisk.awaitingStartTotal, missed: view.atRisk.missedTotal, atRisk: view.atRisk.atRiskTotal }).toEqual({ waiting: 5, missed: 1, atRisk: 1 });
  });

  it("at risk is sortable by case reference, and each next action carries its urgency in the one scheme (lib/domain/urgency.ts)", async () => {
    const byCase = await loadDashboard(db.prisma, actors.manager, filters(), TODAY, { now: NOW, atRiskSort: "case" });
    const references = byCase.atRisk.rows.map((row) => row.reference);
    expect(references).toEqual([...references].sort());
    expect(refsOf(byCase.atRisk.rows).sort()).toEqual([caseId("c04"), caseId("c05"), caseId("c07"), caseId("c06")].sort());
    const byDeadline = await load();
    for (const row of byDeadline.atRisk.rows) expect(row.nextActionUrgency === null).toBe(row.nextAction === null);
    // Seen on 3 December: the Initial Assessment due 30 November and the forms chase due 2 December are overdue.
    expect(byDeadline.atRisk.rows[2].nextActionUrgency).toBe("overdue");
    expect(byDeadline.atRisk.rows[3].nextActionUrgency).toBe("overdue");
  });

  // Changed on purpose: two chase counts, one per obligation (docs/rules/clocks.md).
  it("other clocks: 1 meeting missed (13.17), 1 forms chase due (13.14), 1 UCPR1 duplicate due (13.67), 1 cancellation pending and overdue (13.35, 3.15)", async () => {
    const view = await load();
    expect(view.clocks).toEqual({ meetingsMissed: 1, formsChasesDue: 1, ucpr1DuplicatesDue: 1, cancellationsPending: 1, cancellationsOverdue: 1 });
  });

  it("caseload: 11 open (SCR included in the total), per site and per caseworker without SCR, unassigned longest waiting first", async () => {
    const view = await load();
    expect(view.caseload.openTotal).toBe(11);
    expect(view.caseload.unassignedTotal).toBe(3);
    expect(view.caseload.bySite.map(({ key, open, unassigned }) => ({ key, open, unassigned }))).toEqual([
      { key: GLASGOW, open: 2, unassigned: 1 },
      { key: LEEDS, open: 7, unassigned: 1 },
    ]);
    expect(view.caseload.byCaseworker.map(({ key, open }) => ({ key, open }))).toEqual([
      { key: CASEWORKER_A, open: 6 },
      { key: CASEWORKER_B, open: 1 },
    ]);
    // The nominated officer's only open case is SCR: no row for them at all (decision 0005).
    expect(view.caseload.byCaseworker.map((row) => row.key)).not.toContain(OFFICER);
    expect(view.caseload.unassigned.rows.map((row) => [row.id, row.waitingSince, row.workingDaysWaiting])).toEqual([
      [caseId("c05"), "2026-11-09", 17], // Scotland: 30 Nov not counted
      [caseId("c15"), "2026-11-25", 6],
    ]);
  });

  it("funnel for the period by referral date: referred → assessed → recommended → started, outcomes and reasons", async () => {
    const view = await load();
    const counts = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((row) => [row.key, row.count]));
    expect(counts(view.funnel.stages)).toEqual({ referred: 13, assessed: 6, recommended: 6, started: 5 });
    expect(counts(view.funnel.outcomes)).toEqual({ completed: 0, left_early: 1, rejected: 1, not_suitable: 0, backed_out: 1, cancelled: 1 });
    expect(view.funnel.rejectionReasons.map((row) => [row.label, row.count])).toEqual([["Referral made in error (Other)", 1]]);
    expect(view.funnel.cancellationReasons.map((row) => [row.label, row.count])).toEqual([["Did Not Start", 1]]);
    expect(view.funnel.earlyLeaverReasons.map((row) => [row.label, row.count])).toEqual([["Found work", 1]]);
  });

  it("filters by site: Glasgow shows only Glasgow's cases in every figure", async () => {
    const view = await load({ site: [GLASGOW] });
    expect(view.startTarget.period).toMatchObject({ measured: 1, onTime: 1 });
    expect(refsOf(view.atRisk.rows)).toEqual([caseId("c05")]);
    expect(view.caseload.openTotal).toBe(2);
    expect(view.clocks).toEqual({ meetingsMissed: 0, formsChasesDue: 0, ucpr1DuplicatesDue: 0, cancellationsPending: 0, cancellationsOverdue: 0 });
    expect(view.funnel.stages[0].count).toBe(2);
  });

  it("filters by caseworker: the figures are theirs, and SCR cases leave the totals too (decision 0005)", async () => {
    const view = await load({ caseworker: CASEWORKER_A });
    expect(view.totalsIncludeRestricted).toBe(false);
    expect(view.startTarget.period).toMatchObject({ measured: 5, onTime: 2, startedLate: 1, missedNotStarted: 2 });
    expect(refsOf(view.atRisk.rows)).toEqual([caseId("c04"), caseId("c07"), caseId("c06")]);
    expect(view.caseload.openTotal).toBe(6);
    const officer = await load({ caseworker: OFFICER });
    expect(officer.startTarget.period.measured).toBe(0); // SCR case 8 is the officer's: not counted
    expect(officer.caseload.openTotal).toBe(0);
  });

  it("filters by route and by period", async () => {
    const twoStage = await load({ route: "prap_two_stage" });
    expect(refsOf(twoStage.atRisk.rows)).toEqual([caseId("c04"), caseId("c07"), caseId("c06")]);
    expect(twoStage.startTarget.period).toMatchObject({ measured: 2, onTime: 0 });
    const thisMonth = await load({ period: "this-month" });
    expect(thisMonth.startTarget.period).toMatchObject({ measured: 2, onTime: 1 });
    expect(thisMonth.funnel.stages[0].count).toBe(0);
    const lastMonth = await load({ period: "last-month" });
    expect(lastMonth.period).toMatchObject({ from: "2026-11-01", to: "2026-11-30" });
    expect(lastMonth.startTarget.period).toMatchObject({ measured: 2, onTime: 1, missedNotStarted: 1 });
  });

  it("decision 0005: no SCR case's id, reference or name appears anywhere in the dashboard, whoever asks", async () => {
    const scr = await db.prisma.case.findMany({ where: { id: { in: SCR_IDS } }, select: { reference: true, claimant: { select: { surname: true } } } });
    for (const actor of [actors.manager]) {
      for (const extra of [{}, { site: [LEEDS] }, { period: "last-3-months" as const }]) {
        const text = JSON.stringify(await loadDashboard(db.prisma, actor, filters(extra), TODAY, { now: NOW }));
        for (const id of SCR_IDS) expect(text).not.toContain(id);
        for (const row of scr) {
          expect(text).not.toContain(row.reference);
          expect(text).not.toContain(row.claimant.surname);
        }
        expect(text).not.toContain("Restricted ");
      }
    }
  });

  it("the list scope in SQL (breakdowns) and in Prisma (lists, exports) selects the same cases, for every filter", async () => {
    for (const extra of [{}, { site: [GLASGOW] }, { site: [LEEDS] }, { caseworker: CASEWORKER_A }, { caseworker: OFFICER }, { route: "prap_two_stage" as const }]) {
      const view = await load(extra);
      const open = await listOpenCases(db.prisma, actors.manager, filters(extra), { page: 1, pageSize: 100 });
      expect(view.caseload.bySite.reduce((sum, row) => sum + row.open, 0), JSON.stringify(extra)).toBe(open.total);
      expect(open.rows.map((row) => row.id).filter((id) => SCR_IDS.includes(id))).toEqual([]);
    }
  });

  it("counts nothing from another organisation", async () => {
    const other = await loadDashboard(db.prisma, actors.otherManager, DEFAULT_DASHBOARD_FILTERS, TODAY, { now: NOW });
    expect(other.caseload.openTotal).toBe(1);
    const mine = await load();
    expect(refsOf(mine.atRisk.rows)).not.toContain(caseId("x01"));
  });

  it("refuses anyone without the dashboard permission", async () => {
    await expect(loadDashboard(db.prisma, actors.caseworkerA, DEFAULT_DASHBOARD_FILTERS, TODAY)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(loadDashboard(db.prisma, actors.officer, DEFAULT_DASHBOARD_FILTERS, TODAY)).rejects.toBeInstanceOf(UseCaseError);
  });
});

describe("a closure with no recorded moment stays in the start measure (13.13)", () => {
  let db: TestDatabase;
  const load = () => loadDashboard(db.prisma, actors.manager, filters(), TODAY, { now: NOW });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDashboardFixture(db.prisma);
    // Case 9 was cancelled (Did Not Start) on 10 September, before its 29 September deadline; here
    // the moment of its closure is not recorded, as on a record closed without one.
    await db.prisma.case.update({ where: { id: caseId("c09") }, data: { closedAt: null } });
  });
  afterAll(() => db.close());

  it("counts a case closed without a recorded moment as not started by its deadline, and not as left before it", async () => {
    const view = await load();
    // Case 9 cannot show it left first: 8 measured, 3 not started by the deadline (was 7 and 2).
    expect(view.startTarget.period).toEqual({ measured: 8, onTime: 4, startedLate: 1, missedNotStarted: 3, share: 4 / 8 });
    expect(view.startTarget.leftBeforeDeadline).toEqual([]);
    expect(view.startTarget.byMonth.find((row) => row.key === "2026-09-01")).toMatchObject({ measured: 2, onTime: 1, missedNotStarted: 1 });
  });

  it("lists it behind the count it is in: September's not-started-by-the-deadline drill-down", async () => {
    const drillDown = drillDownSchema.parse({ figure: "missed-not-started", month: "2026-09-01" });
    const listed = await listFigureCases(db.prisma, actors.manager, drillDown, TODAY, { page: 1, pageSize: 50, now: NOW });
    expect(listed.rows.map((row) => row.id)).toEqual([caseId("c09")]);
  });
});

describe("dashboard CSV export", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDashboardFixture(db.prisma);
  });
  afterAll(() => db.close());

  const csvRows = (csv: string) => csv.replace(/^\uFEFF/, "").trim().split("\r\n");

  it("exports the at-risk list as UTF-8 with a BOM, the same rows in the same order as the page, formula cells neutralised", async () => {
    const file = await exportDashboardList(db.prisma, actors.manager, { list: "at-risk", period: "last-12-months" }, TODAY);
    expect(file.csv.startsWith("\uFEFF")).toBe(true);
    expect(file.filename).toBe(`ses-at-risk-${TODAY}.csv`);
    const view = await loadDashboard(db.prisma, actors.manager, DEFAULT_DASHBOARD_FILTERS, TODAY, { now: NOW });
    const rows = csvRows(file.csv);
    expect(rows[0]).toBe("Case reference,Claimant,State,Route,Site,Caseworker,Referral date,Must start by,Working days left,Status,Next action,Next action due");
    expect(rows.slice(1).map((row) => row.split(",")[0])).toEqual(view.atRisk.rows.map((row) => row.reference));
    expect(file.rowCount).toBe(4);
    // Case 6's claimant is "=SUM(1+1) Casec06": a leading apostrophe stops a spreadsheet running it.
    expect(file.csv).toContain("'=SUM(1+1) Casec06");
    expect(file.csv).not.toMatch(/,=SUM/);
  });

  it("writes one audit row per export: who, which list, the filters and the row count", async () => {
    const before = await db.prisma.auditEvent.count({ where: { action: "dashboard.export" } });
    await exportDashboardList(db.prisma, actors.manager, { list: "unassigned", site: [GLASGOW], period: "this-month" }, TODAY);
    const rows = await db.prisma.auditEvent.findMany({ where: { action: "dashboard.export" }, orderBy: { id: "desc" } });
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({ actorId: actors.manager.id, entityType: "CaseList", entityId: "unassigned" });
    expect(rows[0].after).toEqual({ list: "unassigned", filters: { site: [GLASGOW], caseworker: null, route: null, period: "this-month" }, rowCount: 1 });
  });

  it("never puts an SCR case in any export (decision 0005, AC-02)", async () => {
    const scr = await db.prisma.case.findMany({ where: { id: { in: SCR_IDS } }, select: { reference: true } });
    for (const list of ["at-risk", "unassigned", "open-cases"] as const) {
      const file = await exportDashboardList(db.prisma, actors.manager, { list, period: "last-12-months" }, TODAY);
      for (const row of scr) expect(file.csv, list).not.toContain(row.reference);
      expect(file.csv, list).not.toContain("Restricted");
    }
    const open = await exportDashboardList(db.prisma, actors.manager, { list: "open-cases", period: "last-12-months" }, TODAY);
    expect(open.rowCount).toBe(9); // 11 open minus the 2 SCR cases
  });

  it("refuses a caseworker: exporting needs export:case-list:any", async () => {
    await expect(exportDashboardList(db.prisma, actors.caseworkerA, { list: "at-risk", period: "last-12-months" }, TODAY)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("My cases due this week (home page)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDashboardFixture(db.prisma);
  });
  afterAll(() => db.close());

  it("lists my open cases with a deadline on or before Sunday 6 December, overdue first, each with its clock tag", async () => {
    const mine = await listMyCasesDueThisWeek(db.prisma, actors.caseworkerA, TODAY, NOW);
    expect(mine.weekEndsOn).toBe("2026-12-06");
    // Case 4 (start missed 12 Nov), 7 (meeting missed 30 Nov), 6 (UCPR1 chase due 2 Dec), 12 (cancel due 3 Dec).
    expect(mine.rows.map((row) => [row.id, row.nextDeadlineOn, row.overdue])).toEqual([
      [caseId("c04"), "2026-11-12", true],
      [caseId("c07"), "2026-11-30", true],
      [caseId("c06"), "2026-12-02", true],
      [caseId("c12"), "2026-12-03", false],
    ]);
    expect(mine.rows.every((row) => row.tagText !== null)).toBe(true);
  });

  it("shows another caseworker nothing of mine, and an empty list when nothing is due", async () => {
    const other = await listMyCasesDueThisWeek(db.prisma, { id: CASEWORKER_B, roles: ["caseworker"], organisationId: actors.manager.organisationId }, TODAY, NOW);
    expect(other.rows).toEqual([]);
  });
});
