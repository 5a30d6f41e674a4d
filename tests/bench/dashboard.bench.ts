/**
 * Benchmark: the manager dashboard's server time (loadDashboard, lib/server/dashboard) on the
 * 100,000-case volume database, beside the same figures computed by hand-written SQL through
 * `pg` directly (the floor: a few single-pass queries, run in parallel on a pool of the same
 * size as Prisma's). Runs alternate app/floor so both see the same machine load.
 * Targets (README "Speed at scale"): app p50 ≤ 1.5× the floor's p50, and app p95 < 150 ms with the
 * default filters and < 100 ms for one site (at 100,000 cases and at BENCH_CASES=1000000).
 *
 * The floor also checks the dashboard: every figure both compute must agree, or it says which.
 * Then (unless BENCH_SNAPSHOT=0) the same with the dashboard's snapshot of the period figures
 * (docs/decisions/0032-dashboard-at-a-million-cases.md): the job's refresh time, and loadDashboard
 * reading it, still compared with the live hand-written SQL. That writes the snapshot tables, and
 * removes the snapshot again at the end (BENCH_KEEP_SNAPSHOT=1 keeps it). BENCH_VACUUM_SNAPSHOT=1
 * vacuums the snapshot tables after the refresh, as autovacuum would shortly after one.
 * Run alone: npx tsx tests/bench/dashboard.bench.ts (after tests/bench/volume-database.ts).
 */
import pg from "pg";
import type { WorkingDayCalendar } from "../../lib/calendar";
import type { IsoDate } from "../../lib/calendar/iso-date";
import { openDatabase } from "../../lib/db/open";
import { VOLUME_ORGANISATION_ID, VOLUME_TODAY, VOLUME_USERS, volumeSiteId, volumeUserId } from "./volume-seed";
import { DEFAULT_DASHBOARD_FILTERS, type DashboardFilters } from "../../lib/domain/dashboard/filters";
import {
  AT_RISK_WINDOW_WORKING_DAYS,
  AWAITING_START_STATES,
  ENDED_WITHOUT_START_STATES,
  OPEN_STATES,
  nextActionDue,
  startRisk,
} from "../../lib/domain/dashboard/figures";
import { firstOfMonth, periodRange } from "../../lib/domain/dashboard/periods";
import type { DashboardView } from "../../lib/domain/dashboard/view";
import { nationFromCode, type NationCode } from "../../lib/domain/nation";
import { loadCalendar } from "../../lib/server/reference/load-calendar";
import { AT_RISK_PAGE_SIZE, UNASSIGNED_PAGE_SIZE, loadDashboard } from "../../lib/server/dashboard/load-dashboard";
import { refreshDashboardSnapshot } from "../../lib/server/dashboard/refresh-dashboard-snapshot";
import type { UseCaseActor } from "../../lib/server/assert-can";
import { isMainModule } from "./main-module";
import { formatMs, percentile, verdict } from "./stats";
import { benchDatabaseUrl } from "./volume-database";

const WARM_UP = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET_RATIO = 1.5;
/** How many times the snapshot is counted (each a full refresh, as the job does). */
const SNAPSHOT_REFRESH_RUNS = Number(process.env.BENCH_SNAPSHOT_RUNS ?? 3);
/** p95 targets (README "Speed at scale"): the default filters, and one site. */
const TARGET_P95_MS = 150;
const TARGET_SITE_P95_MS = 100;

/** The figures both implementations compute, in one comparable shape. */
interface Figures {
  startTarget: Record<string, [number, number, number]>;
  /** Left before the deadline, by `state:reason` (a breakdown: list scope). */
  leftBeforeDeadline: Record<string, number>;
  /** Per strand: [on provision now, starts in the period] (a breakdown: list scope). */
  strands: Record<string, [number, number]>;
  open: Record<string, number>;
  caseloadBySite: Record<string, [number, number]>;
  caseloadByCaseworker: Record<string, number>;
  atRiskPage: string[];
  unassigned: { total: number; page: string[]; waiting: number[] };
  funnel: Record<string, number>;
  reasons: Record<string, number>;
  nextActions: string[];
}

function figuresOfView(view: DashboardView): Figures {
  const triple = (f: { measured: number; onTime: number; startedLate: number }): [number, number, number] => [f.measured, f.onTime, f.startedLate];
  const startTarget: Figures["startTarget"] = { thisMonth: triple(view.startTarget.thisMonth), period: triple(view.startTarget.period) };
  for (const row of view.startTarget.byMonth) if (row.measured > 0) startTarget[`month:${row.key}`] = triple(row);
  for (const row of view.startTarget.bySite) startTarget[`site:${row.key}`] = triple(row);
  for (const row of view.startTarget.byCaseworker) startTarget[`caseworker:${row.key}`] = triple(row);
  for (const row of view.startTarget.byRoute) startTarget[`route:${row.key}`] = triple(row);
  const funnel: Record<string, number> = {};
  for (const stage of [...view.funnel.stages, ...view.funnel.outcomes]) funnel[stage.key] = stage.count;
  const reasons: Record<string, number> = {};
  for (const [state, rows] of [
    ["rejected", view.funnel.rejectionReasons],
    ["cancelled", view.funnel.cancellationReasons],
    ["left_early", view.funnel.earlyLeaverReasons],
  ] as const) {
    for (const row of rows) reasons[`${state}:${row.key}`] = row.count;
  }
  return {
    startTarget,
    leftBeforeDeadline: Object.fromEntries(view.startTarget.leftBeforeDeadline.map((row) => [`${row.state}:${row.reasonId}`, row.count])),
    strands: Object.fromEntries(view.provision.byStrand.map((row) => [row.key, [row.onProvision, row.starts]])),
    open: {
      openTotal: view.caseload.openTotal,
      unassignedTotal: view.caseload.unassignedTotal,
      awaitingStartTotal: view.atRisk.awaitingStartTotal,
      missedTotal: view.atRisk.missedTotal,
      atRiskTotal: view.atRisk.atRiskTotal,
      atRiskListTotal: view.atRisk.total,
      meetingsMissed: view.clocks.meetingsMissed,
      formsChasesDue: view.clocks.formsChasesDue,
      ucpr1DuplicatesDue: view.clocks.ucpr1DuplicatesDue,
      cancellationsPending: view.clocks.cancellationsPending,
      cancellationsOverdue: view.clocks.cancellationsOverdue,
      onProvisionTotal: view.provision.onProvisionTotal,
    },
    caseloadBySite: Object.fromEntries(view.caseload.bySite.map((row) => [row.key, [row.open, row.unassigned]])),
    caseloadByCaseworker: Object.fromEntries(view.caseload.byCaseworker.map((row) => [row.key, row.open])),
    atRiskPage: view.atRisk.rows.map((row) => `${row.reference}:${row.workingDaysLeft}:${row.risk}`),
    unassigned: {
      total: view.caseload.unassigned.total,
      page: view.caseload.unassigned.rows.map((row) => row.reference),
      waiting: view.caseload.unassigned.rows.map((row) => row.workingDaysWaiting),
    },
    funnel,
    reasons,
    nextActions: view.atRisk.rows.map((row) => `${row.nextAction?.id ?? "none"}:${row.nextAction?.dueOn ?? ""}`),
  };
}

// ─── The floor: hand-written SQL through pg ─────────────────────────────────────────────

type DbDate = Date | null;
const iso = (value: DbDate): IsoDate | null => (value ? value.toISOString().slice(0, 10) : null);

/** pg parses DATE columns as local midnight; read them as UTC midnight, as Prisma does (lib/db/dates.ts). */
function datesAsUtc(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    client.setTypeParser?.(1082, (value: string) => new Date(`${value}T00:00:00.000Z`));
  });
}

export async function floorFigures(pool: pg.Pool, calendar: WorkingDayCalendar, filters: DashboardFilters, today: IsoDate, now: Date): Promise<Figures> {
  const org = VOLUME_ORGANISATION_ID;
  // The floor is written for all sites or one site (the bench's scenarios).
  if (filters.site.length > 1) throw new Error("floorFigures compares all sites or one site");
  const site = filters.site[0] ?? null;
  const period = periodRange(filters.period, today);
  const thisMonthFrom = firstOfMonth(today);
  const cutoff = (nation: NationCode) => calendar.addWorkingDays(today, AT_RISK_WINDOW_WORKING_DAYS, nationFromCode(nation));
  const listScope = `c."organisationId" = $1::uuid AND ($2::uuid IS NULL OR c."siteId" = $2::uuid) AND c."restrictionTier" <> 'scr'`;
  const counts = `count(*)::int AS measured, count(*) FILTER (WHERE on_time)::int AS on_time, count(*) FILTER (WHERE late)::int AS late`;
  // Left the start measure before its deadline (13.13): never started, closed in an allowed state on
  // a UK date before the deadline. A closure with no recorded moment stays measured.
  const leftBefore = `(c."startedOn" IS NULL AND c."state" = ANY ($4::"CaseState"[]) AND c."closedAt" IS NOT NULL
    AND (c."closedAt" AT TIME ZONE 'Europe/London')::date < c."startDueOn")`;

  const [start, left, open, caseload, atRisk, unassigned, funnel, strands] = await Promise.all([
    // Start target (13.13, 3.07): each case counts in its start deadline's month once the deadline
    // has an outcome (started, or passed unstarted), unless it left before the deadline.
    pool.query<{ kind: string; key: string | null; measured: number; on_time: number; late: number }>(
      `WITH m AS (
         SELECT c."siteId", c."assignedCaseworkerId" AS cw, c."route"::text AS route, c."restrictionTier" = 'scr' AS scr,
                c."startDueOn" AS due, c."startedOn" <= c."startDueOn" AS on_time, c."startedOn" > c."startDueOn" AS late
         FROM "Case" c
         WHERE c."organisationId" = $1::uuid AND ($2::uuid IS NULL OR c."siteId" = $2::uuid)
           AND c."startDueOn" BETWEEN LEAST($5::date, $6::date) AND $3::date
           AND (c."startedOn" IS NOT NULL OR c."startDueOn" < $3::date)
           AND NOT ${leftBefore})
       SELECT 'thisMonth' AS kind, NULL AS key, ${counts} FROM m WHERE due BETWEEN $5::date AND $3::date
       UNION ALL SELECT 'period', NULL, ${counts} FROM m WHERE due BETWEEN $6::date AND $7::date
       UNION ALL SELECT 'month', to_char(date_trunc('month', due), 'YYYY-MM-DD'), ${counts} FROM m WHERE NOT scr AND due BETWEEN $6::date AND $7::date GROUP BY 2
       UNION ALL SELECT 'site', "siteId"::text, ${counts} FROM m WHERE NOT scr AND due BETWEEN $6::date AND $7::date GROUP BY 2
       UNION ALL SELECT 'caseworker', cw::text, ${counts} FROM m WHERE NOT scr AND due BETWEEN $6::date AND $7::date GROUP BY 2
       UNION ALL SELECT 'route', route, ${counts} FROM m WHERE NOT scr AND due BETWEEN $6::date AND $7::date GROUP BY 2`,
      [org, site, today, [...ENDED_WITHOUT_START_STATES], thisMonthFrom, period.from, period.to],
    ),
    // Which cases left the measure in the period, by state and closure reason (a breakdown: list scope).
    pool.query<{ key: string; count: number }>(
      `SELECT c."state"::text || ':' || coalesce(c."closureReasonId"::text, 'none') AS key, count(*)::int AS count
       FROM "Case" c WHERE ${listScope} AND c."startDueOn" BETWEEN $3::date AND $5::date AND ${leftBefore}
       GROUP BY 1`,
      [org, site, period.from, [...ENDED_WITHOUT_START_STATES], period.to],
    ),
    // Open cases: every headline count and clock in one pass (totals include SCR, decision 0005).
    pool.query<Record<string, number>>(
      `SELECT count(*)::int AS "openTotal",
         count(*) FILTER (WHERE c."assignedCaseworkerId" IS NULL)::int AS "unassignedTotal",
         count(*) FILTER (WHERE c."state" = ANY ($4::"CaseState"[]) AND c."startedOn" IS NULL AND c."startDueOn" IS NOT NULL)::int AS "awaitingStartTotal",
         count(*) FILTER (WHERE c."state" = ANY ($4::"CaseState"[]) AND c."startedOn" IS NULL AND c."startDueOn" < $5::date)::int AS "missedTotal",
         count(*) FILTER (WHERE c."state" = ANY ($4::"CaseState"[]) AND c."startedOn" IS NULL AND c."startDueOn" >= $5::date
           AND c."startDueOn" <= CASE s."nation" WHEN 'scotland' THEN $6::date WHEN 'northern_ireland' THEN $7::date ELSE $8::date END)::int AS "atRiskTotal",
         count(*) FILTER (WHERE c."meetDueOn" < $5::date AND c."firstMetOn" IS NULL)::int AS "meetingsMissed",
         count(*) FILTER (WHERE c."formsChaseDueOn" <= $5::date AND c."spocChasedOn" IS NULL AND (c."uc452ReceivedOn" IS NULL OR c."ucpr1ReceivedOn" IS NULL))::int AS "formsChasesDue",
         count(*) FILTER (WHERE c."ucpr1DuplicateDueOn" <= $5::date AND c."ucpr1DuplicateRequestedOn" IS NULL AND c."ucpr1ReceivedOn" IS NULL)::int AS "ucpr1DuplicatesDue",
         count(*) FILTER (WHERE c."state" = 'backed_out' AND c."cancelDueAt" IS NOT NULL AND c."cancelledAt" IS NULL)::int AS "cancellationsPending",
         count(*) FILTER (WHERE c."state" = 'backed_out' AND c."cancelDueAt" < $9 AND c."cancelledAt" IS NULL)::int AS "cancellationsOverdue",
         count(*) FILTER (WHERE c."state" = 'started')::int AS "onProvisionTotal"
       FROM "Case" c JOIN "Site" s ON s."id" = c."siteId"
       WHERE c."organisationId" = $1::uuid AND ($2::uuid IS NULL OR c."siteId" = $2::uuid) AND c."state" = ANY ($3::"CaseState"[])`,
      [org, site, [...OPEN_STATES], [...AWAITING_START_STATES], today, cutoff("scotland"), cutoff("northern_ireland"), cutoff("england_and_wales"), now],
    ),
    // Caseload per site and per caseworker (lists: never SCR).
    pool.query<{ site: string | null; cw: string | null; open: number; unassigned: number }>(
      `SELECT c."siteId"::text AS site, c."assignedCaseworkerId"::text AS cw, count(*)::int AS open,
              count(*) FILTER (WHERE c."assignedCaseworkerId" IS NULL)::int AS unassigned
       FROM "Case" c WHERE ${listScope} AND c."state" = ANY ($3::"CaseState"[])
       GROUP BY GROUPING SETS ((c."siteId"), (c."assignedCaseworkerId"))`,
      [org, site, [...OPEN_STATES]],
    ),
    // At risk: the first page, fewest working days left first, and the total.
    pool.query(
      `WITH page AS (
         SELECT c.* FROM "Case" c
         WHERE ${listScope} AND c."state" = ANY ($3::"CaseState"[]) AND c."startedOn" IS NULL AND c."startDueOn" IS NOT NULL
         ORDER BY c."startDueOn", c."reference" LIMIT ${AT_RISK_PAGE_SIZE})
       SELECT p."reference", p."startDueOn", p."meetDueOn", p."initialAssessmentOn", p."firstMetOn", p."formsChaseDueOn", p."ucpr1DuplicateDueOn", p."ucpr1DuplicateRequestedOn", p."uc452ReceivedOn",
              p."ucpr1ReceivedOn", p."spocChasedOn", p."welcomeCallDueOn", p."welcomeCallOn", s."nation", cl."forename", cl."surname", u."name" AS caseworker,
              (SELECT count(*)::int FROM "Case" c WHERE ${listScope} AND c."state" = ANY ($3::"CaseState"[]) AND c."startedOn" IS NULL AND c."startDueOn" IS NOT NULL) AS total
       FROM page p JOIN "Site" s ON s."id" = p."siteId" JOIN "Claimant" cl ON cl."id" = p."claimantId" LEFT JOIN "User" u ON u."id" = p."assignedCaseworkerId"
       ORDER BY p."startDueOn", p."reference"`,
      [org, site, [...AWAITING_START_STATES]],
    ),
    // Unassigned open cases, longest waiting first.
    pool.query(
      `WITH page AS (
         SELECT c.* FROM "Case" c
         WHERE ${listScope} AND c."state" = ANY ($3::"CaseState"[]) AND c."assignedCaseworkerId" IS NULL
         ORDER BY c."referralDate" NULLS LAST, c."createdAt", c."reference" LIMIT ${UNASSIGNED_PAGE_SIZE})
       SELECT p."reference", p."referralReceivedOn", p."referralDate", p."createdAt", s."nation", cl."forename", cl."surname",
              (SELECT count(*)::int FROM "Case" c WHERE ${listScope} AND c."state" = ANY ($3::"CaseState"[]) AND c."assignedCaseworkerId" IS NULL) AS total
       FROM page p JOIN "Site" s ON s."id" = p."siteId" JOIN "Claimant" cl ON cl."id" = p."claimantId"
       ORDER BY p."referralDate" NULLS LAST, p."createdAt", p."reference"`,
      [org, site, [...OPEN_STATES]],
    ),
    // The funnel (totals) and the reasons (lists) of the period's referrals, one pass.
    pool.query<{ kind: string; key: string | null; n: Record<string, number> }>(
      `WITH f AS (
         SELECT c."id", c."state", c."firstMetOn", c."startedOn", c."restrictionTier" = 'scr' AS scr, c."closureReasonId"
         FROM "Case" c WHERE c."organisationId" = $1::uuid AND ($2::uuid IS NULL OR c."siteId" = $2::uuid) AND c."referralDate" BETWEEN $3::date AND $4::date)
       SELECT 'funnel' AS kind, NULL AS key, json_build_object(
         'referred', count(*),
         'assessed', count(*) FILTER (WHERE f."firstMetOn" IS NOT NULL OR f."startedOn" IS NOT NULL),
         'recommended', count(*) FILTER (WHERE f."startedOn" IS NOT NULL OR EXISTS (SELECT 1 FROM "InitialAssessment" ia WHERE ia."caseId" = f."id" AND ia."outcome" = 'recommended')),
         'started', count(*) FILTER (WHERE f."startedOn" IS NOT NULL),
         'completed', count(*) FILTER (WHERE f."state" = 'completed'),
         'left_early', count(*) FILTER (WHERE f."state" = 'left_early'),
         'rejected', count(*) FILTER (WHERE f."state" = 'rejected'),
         'not_suitable', count(*) FILTER (WHERE f."state" = 'not_suitable'),
         'backed_out', count(*) FILTER (WHERE f."state" = 'backed_out'),
         'cancelled', count(*) FILTER (WHERE f."state" = 'cancelled')) AS n
       FROM f
       UNION ALL
       SELECT f."state"::text, coalesce(f."closureReasonId"::text, 'none'), json_build_object('count', count(*))
       FROM f WHERE NOT f.scr AND f."state" IN ('rejected', 'cancelled', 'left_early') GROUP BY 1, 2`,
      [org, site, period.from, period.to],
    ),
    // The strand split (13.25–13.27): on provision now (state "started") and starts in the period by start date.
    pool.query<{ strand: string; on_provision: number; starts: number }>(
      `SELECT coalesce(c."strand"::text, 'none') AS strand,
              count(*) FILTER (WHERE c."state" = 'started')::int AS on_provision,
              count(*) FILTER (WHERE c."startedOn" BETWEEN $3::date AND $4::date)::int AS starts
       FROM "Case" c WHERE ${listScope} AND (c."state" = 'started' OR c."startedOn" BETWEEN $3::date AND $4::date)
       GROUP BY 1`,
      [org, site, period.from, period.to],
    ),
  ]);

  const startTarget: Figures["startTarget"] = {};
  for (const row of start.rows) startTarget[row.key === null ? row.kind : `${row.kind}:${row.key ?? "unassigned"}`] = [row.measured, row.on_time, row.late];
  for (const row of start.rows) if (row.kind === "caseworker" && row.key === null) startTarget["caseworker:unassigned"] = [row.measured, row.on_time, row.late];
  delete startTarget.caseworker;
  startTarget.thisMonth ??= [0, 0, 0];
  startTarget.period ??= [0, 0, 0];

  const atRiskRows = atRisk.rows as (Record<string, DbDate> & { reference: string; nation: NationCode; total: number })[];
  const unassignedRows = unassigned.rows as (Record<string, DbDate> & { reference: string; nation: NationCode; createdAt: Date; total: number })[];
  const funnelRow = funnel.rows.find((row) => row.kind === "funnel");
  const reasons: Record<string, number> = {};
  for (const row of funnel.rows) if (row.kind !== "funnel") reasons[`${row.kind}:${row.key}`] = Number(row.n.count);

  const strandRows = new Map(strands.rows.map((row) => [row.strand, [row.on_provision, row.starts] as [number, number]]));
  return {
    startTarget,
    leftBeforeDeadline: Object.fromEntries(left.rows.map((row) => [row.key, row.count])),
    // Main Provision and Start Back always; "Strand not recorded" only when a case has none.
    strands: Object.fromEntries(
      ["sesmp", "sessb", "none"].flatMap((key) => (strandRows.has(key) || key !== "none" ? [[key, strandRows.get(key) ?? [0, 0]]] : [])),
    ),
    open: { ...open.rows[0], atRiskListTotal: atRiskRows[0]?.total ?? 0 },
    caseloadBySite: Object.fromEntries(caseload.rows.filter((row) => row.site !== null).map((row) => [row.site, [row.open, row.unassigned]])),
    caseloadByCaseworker: Object.fromEntries(caseload.rows.filter((row) => row.site === null && row.cw !== null).map((row) => [row.cw, row.open])),
    atRiskPage: atRiskRows.map((row) => {
      const due = iso(row.startDueOn)!;
      const left = calendar.workingDaysBetween(today, due, nationFromCode(row.nation));
      return `${row.reference}:${left}:${startRisk(left, due, today)}`;
    }),
    unassigned: {
      total: unassignedRows[0]?.total ?? 0,
      page: unassignedRows.map((row) => row.reference),
      waiting: unassignedRows.map((row) => {
        const since = iso(row.referralReceivedOn) ?? iso(row.referralDate) ?? row.createdAt.toISOString().slice(0, 10);
        return Math.max(0, calendar.workingDaysBetween(since, today, nationFromCode(row.nation)));
      }),
    },
    funnel: Object.fromEntries(Object.entries(funnelRow?.n ?? {}).map(([key, value]) => [key, Number(value)])),
    reasons,
    nextActions: atRiskRows.map((row) => {
      const action = nextActionDue({
        meetDueOn: iso(row.meetDueOn),
        initialAssessmentOn: iso(row.initialAssessmentOn),
        firstMetOn: iso(row.firstMetOn),
        formsChaseDueOn: iso(row.formsChaseDueOn),
        ucpr1DuplicateDueOn: iso(row.ucpr1DuplicateDueOn),
        ucpr1DuplicateRequestedOn: iso(row.ucpr1DuplicateRequestedOn),
        uc452ReceivedOn: iso(row.uc452ReceivedOn),
        ucpr1ReceivedOn: iso(row.ucpr1ReceivedOn),
        spocChasedOn: iso(row.spocChasedOn),
        welcomeCallDueOn: iso(row.welcomeCallDueOn),
        welcomeCallOn: iso(row.welcomeCallOn),
      });
      return `${action?.id ?? "none"}:${action?.dueOn ?? ""}`;
    }),
  };
}

/** Paths where two figure sets differ (empty when they agree). */
export function differences(a: unknown, b: unknown, path = ""): string[] {
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
  }
  return a === b ? [] : [`${path}: dashboard ${JSON.stringify(a)}, hand-written SQL ${JSON.stringify(b)}`];
}

export async function benchDashboard(): Promise<void> {
  const url = benchDatabaseUrl();
  const db = await openDatabase({ kind: "postgres", url });
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  datesAsUtc(pool);
  const today = VOLUME_TODAY;
  const now = new Date(`${today}T10:00:00.000Z`);
  const manager: UseCaseActor = { id: volumeUserId(VOLUME_USERS.manager), roles: ["manager"], organisationId: VOLUME_ORGANISATION_ID };
  console.log(`\ndashboard server time: loadDashboard as a manager vs hand-written SQL (pg), ${RUNS} runs each after ${WARM_UP} warm-up, today ${today}`);
  try {
    const calendar = await loadCalendar(db.prisma);
    const scenarios: { label: string; filters: DashboardFilters; targetP95: number }[] = [
      { label: "default filters (last 12 months, all sites)", filters: DEFAULT_DASHBOARD_FILTERS, targetP95: TARGET_P95_MS },
      { label: "site filter (the Scotland site)", filters: { ...DEFAULT_DASHBOARD_FILTERS, site: [volumeSiteId("scotland")] }, targetP95: TARGET_SITE_P95_MS },
    ];
    const measure = async (kind: string) => {
      for (const { label, filters, targetP95 } of scenarios) {
        const app = () => loadDashboard(db.prisma, manager, filters, today, { now });
        const floor = () => floorFigures(pool, calendar, filters, today, now);
        const first = await app();
        const mismatches = differences(figuresOfView(first), await floor());
        for (let i = 0; i < WARM_UP; i++) {
          await app();
          await floor();
        }
        const appTimes: number[] = [];
        const floorTimes: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          let start = performance.now();
          await app();
          appTimes.push(performance.now() - start);
          start = performance.now();
          await floor();
          floorTimes.push(performance.now() - start);
        }
        appTimes.sort((a, b) => a - b);
        floorTimes.sort((a, b) => a - b);
        const [a50, a95, f50, f95] = [percentile(appTimes, 50), percentile(appTimes, 95), percentile(floorTimes, 50), percentile(floorTimes, 95)];
        const ratio = a50 / f50;
        console.log(`  ${label}, ${kind}${first.periodFiguresAsOf ? ` (figures as of ${first.periodFiguresAsOf})` : ""}:`);
        console.log(`    loadDashboard     p50 ${formatMs(a50)}, p95 ${formatMs(a95)}`);
        console.log(`    hand-written SQL  p50 ${formatMs(f50)}, p95 ${formatMs(f95)} (live)`);
        console.log(
          `    ratio p50 ${ratio.toFixed(2)}× (p95 ${(a95 / f95).toFixed(2)}×); target ≤${TARGET_RATIO}× the floor: ${verdict(ratio <= TARGET_RATIO)}; p95 < ${targetP95} ms: ${verdict(a95 < targetP95)}`,
        );
        console.log(
          mismatches.length === 0
            ? "    figures: the dashboard and the hand-written SQL agree on every figure compared"
            : `    figures DIFFER (${mismatches.length}): ${mismatches.slice(0, 8).join("; ")}`,
        );
      }
    };

    // Live: no snapshot (one left by an earlier run is set aside first, and put back by the end).
    const hadSnapshot = (await db.prisma.dashboardSnapshot.count({ where: { organisationId: VOLUME_ORGANISATION_ID } })) > 0;
    if (hadSnapshot) await db.prisma.dashboardSnapshot.deleteMany({ where: { organisationId: VOLUME_ORGANISATION_ID } });
    await measure("live");

    if (process.env.BENCH_SNAPSHOT !== "0") {
      // The snapshot (docs/decisions/0032-dashboard-at-a-million-cases.md): the job's own refresh
      // time, then the dashboard reading it. It writes the snapshot tables of this database.
      const refreshTimes: number[] = [];
      let rows = "";
      for (let i = 0; i < SNAPSHOT_REFRESH_RUNS; i++) {
        const result = await refreshDashboardSnapshot(db.prisma, VOLUME_ORGANISATION_ID, now, { force: true, minimumCases: 0 });
        refreshTimes.push(result.refreshMs ?? 0);
        rows = `${result.startRows.toLocaleString("en-GB")} start rows, ${result.funnelRows.toLocaleString("en-GB")} funnel rows`;
      }
      refreshTimes.sort((a, b) => a - b);
      if (process.env.BENCH_VACUUM_SNAPSHOT === "1") {
        // What autovacuum does within a minute or so of a refresh (the bench's server may run with it
        // off): the rows the refresh replaced are removed, so the reads below see the snapshot's
        // steady state rather than the moment just after a refresh.
        await pool.query(`VACUUM "DashboardStartRow", "DashboardFunnelRow", "DashboardStartsRow"`);
        console.log("  snapshot tables vacuumed after the refresh (BENCH_VACUUM_SNAPSHOT=1)");
      }
      console.log(`  snapshot refresh (the dashboard:refresh-snapshots job, one organisation, ${SNAPSHOT_REFRESH_RUNS} runs): min ${formatMs(refreshTimes[0])}, max ${formatMs(refreshTimes[refreshTimes.length - 1])}; ${rows}`);
      await measure("from the snapshot");
      if (!hadSnapshot && process.env.BENCH_KEEP_SNAPSHOT !== "1") await db.prisma.dashboardSnapshot.deleteMany({ where: { organisationId: VOLUME_ORGANISATION_ID } });
    } else if (hadSnapshot) {
      await refreshDashboardSnapshot(db.prisma, VOLUME_ORGANISATION_ID, now, { force: true, minimumCases: 0 });
    }
  } finally {
    await pool.end();
    await db.close();
  }
}

if (isMainModule(import.meta.url)) {
  benchDashboard().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
