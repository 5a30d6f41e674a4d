import type { WorkingDayCalendar } from "@/lib/calendar";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { nationDisplayName } from "@/lib/calendar/nations";
import { isoDateFromDb } from "@/lib/db/dates";
import { Prisma, type PrismaClient } from "@/lib/db/prisma";
import { ROUTE_LABELS, type CaseRoute } from "@/lib/domain/case-labels";
import { CASE_STATE_LABELS } from "@/lib/domain/case-states";
import { DASHBOARD_ROUTES, atRiskSortParts, type AtRiskSort, type DashboardFilters } from "@/lib/domain/dashboard/filters";
import {
  AT_RISK_WINDOW_WORKING_DAYS,
  AWAITING_START_STATES,
  ENDED_WITHOUT_START_STATES,
  OPEN_STATES,
  nextActionDue,
  startRisk,
  startRiskText,
  startTargetFigure,
  type CountRow,
  type ReasonCountRow,
  type StartTargetCounts,
} from "@/lib/domain/dashboard/figures";
import { PERIOD_LABELS, firstOfMonth, monthLabel, monthStartsOf, periodRange, type DateRange } from "@/lib/domain/dashboard/periods";
import { STRAND_KEYS, STRAND_LABELS, type StrandKey } from "@/lib/domain/dashboard/drill-down";
import type { AtRiskRow, CaseloadRow, DashboardView, OpenCaseRow, Paged, StartTargetRow, StrandRow, UnassignedRow } from "@/lib/domain/dashboard/view";
import { nationFromCode } from "@/lib/domain/nation";
import { DEFAULT_DEADLINE_SETTINGS } from "@/lib/domain/deadlines";
import { urgencyOfWorkingDays } from "@/lib/domain/urgency";
import { loadDeadlineSettings } from "../reference/load-deadline-settings";
import { loadCalendar } from "../reference/load-calendar";
import { assertCan, type UseCaseActor } from "../assert-can";
import { caseScopeSql, dashboardListWhere, totalsIncludeRestricted, type DashboardScope } from "./dashboard-scope";
import { loadSnapshotMoment, type SnapshotMoment } from "./dashboard-snapshot";

export const AT_RISK_PAGE_SIZE = 25;
export const UNASSIGNED_PAGE_SIZE = 50;

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw" | "$transaction" | "case" | "site" | "user" | "bankHoliday" | "setting">;

/**
 * A query in its own short transaction with PostgreSQL's JIT compiler off
 * (docs/decisions/0032-dashboard-at-a-million-cases.md): the funnel's Initial Assessment lookup is
 * estimated for every referral of the period, which at 1,000,000 cases passes jit_above_cost, and
 * compiling took 60–220 ms, more than running the query. It still runs on its own connection,
 * beside the other figures. (The other aggregates stay under the threshold: no transaction.)
 */
async function withoutJit<Row>(db: Db, query: Prisma.Sql): Promise<Row> {
  const [, rows] = await db.$transaction([db.$executeRaw`SELECT set_config('jit', 'off', true)`, db.$queryRaw<Row>(Prisma.sql`${query}`)]);
  return rows;
}

const stateList = (values: readonly string[]) => Prisma.join(values.map((value) => Prisma.sql`${value}::"CaseState"`));
const AWAITING = stateList(AWAITING_START_STATES);
const ENDED_WITHOUT_START = stateList(ENDED_WITHOUT_START_STATES);
const OPEN = stateList(OPEN_STATES);

// ─── The start target (13.13, 3.07) ───────────────────────────────────────────────────────

/**
 * The case left before its start deadline without starting, in one of the states the guidance
 * allows a referral to end in before a start (ENDED_WITHOUT_START_STATES): it leaves the denominator.
 * "Before" is strict, on the UK calendar date of the closure (closedAt).
 * A closure with no recorded moment cannot show it came first, so it stays measured: the
 * `closedAt IS NOT NULL` keeps this condition true or false, never NULL (NOT NULL would drop the
 * case from the measure and from this list alike).
 */
export function leftBeforeDeadlineSql(): Prisma.Sql {
  return Prisma.sql`(c."startedOn" IS NULL AND c."state" IN (${ENDED_WITHOUT_START}) AND c."closedAt" IS NOT NULL
    AND (c."closedAt" AT TIME ZONE 'Europe/London')::date < c."startDueOn")`;
}

/**
 * A measured case (13.13, 3.07; docs/rules/clocks.md#the-20-working-day-start-measure): its start deadline has
 * an outcome — it started (on time or late), or the deadline passed without a start, whatever
 * happened to the referral afterwards (rejected, cancelled or not suitable after the deadline
 * still counts as missed) — unless it left before the deadline for an allowed reason.
 */
export function measuredSql(today: IsoDate): Prisma.Sql {
  return Prisma.sql`c."startDueOn" IS NOT NULL AND (c."startedOn" IS NOT NULL OR c."startDueOn" < ${today}::date) AND NOT ${leftBeforeDeadlineSql()}`;
}

/** The start deadline is in the range: a prefix of the covering index Case_start_measure_idx. */
function deadlineInSql(range: DateRange): Prisma.Sql {
  return Prisma.sql`c."startDueOn" BETWEEN ${range.from}::date AND ${range.to}::date`;
}

type Breakdowns = Record<"site" | "caseworker" | "route", StartTargetRow[]>;

interface StartTargetFigures {
  leftBeforeDeadline: ReasonCountRow[];
  thisMonth: ReturnType<typeof startTargetFigure>;
  period: ReturnType<typeof startTargetFigure>;
  byMonth: StartTargetRow[];
  breakdowns: Breakdowns;
}

const NO_COUNTS: StartTargetCounts = { measured: 0, onTime: 0, startedLate: 0 };
/** The three start-target counts [measured, on time, started late] of the rows where `inRange` holds. */
const countsWhere = (inRange: Prisma.Sql) =>
  Prisma.sql`ARRAY[count(*) FILTER (WHERE ${inRange}), count(*) FILTER (WHERE ${inRange} AND m."onTime"), count(*) FILTER (WHERE ${inRange} AND m."late")]::int[]`;

type Triple = [number, number, number];
interface StartTargetGroup {
  dimension: "total" | "month" | "site" | "caseworker" | "route" | "left";
  key: string | null;
  label: string | null;
  /** For "left": the closure reason's id (null: none recorded). */
  reasonId: string | null;
  /** For "left": how many listed cases in the period left the measure before their deadline. */
  left: number;
  thisMonth: Triple;
  period: Triple;
  listMonths: Triple;
  listPeriod: Triple;
}

const countsOf = ([measured, onTime, startedLate]: Triple): StartTargetCounts => ({ measured, onTime, startedLate });
/** Byte order, as PostgreSQL's ORDER BY sorted these keys before. */
const compareText = (a: string | null, b: string | null) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);

/**
 * Every start-target figure (13.13, 3.07) in ONE aggregation over the cases whose start deadline
 * falls in any range shown (an index-only range scan of Case_start_measure_idx):
 * GROUPING SETS give the totals (this month and the period, totals scope), the period's months,
 * the period per site, caseworker and route, and the cases that left before their deadline by
 * state and reason (list scope: the totals scope without SCR cases); each figure counts only its
 * own rows (FILTER: measured or left, its range, listed). Groups are labelled afterwards. (The
 * cases that left were a second scan of the same range: at 1,000,000 cases that doubled the cost.)
 */
async function startTargetFigures(db: Db, totals: Prisma.Sql, period: DateRange, thisMonth: DateRange, today: IsoDate, snapshot: SnapshotMoment | null): Promise<StartTargetFigures> {
  // The chart by month covers the period's months (the period applies to every chart).
  const months = monthStartsOf(period);
  const envelope: DateRange = { from: [thisMonth.from, period.from].sort()[0], to: [thisMonth.to, period.to, today].sort()[2] };
  const rows = snapshot ? await snapshotStartTargetGroups(db, totals, period, thisMonth, envelope) : await liveStartTargetGroups(db, totals, period, thisMonth, envelope, today);
  return startTargetFiguresOf(rows, months);
}

/**
 * The start-target groups, live or from the snapshot, in one shape: `measures` is the inner select's
 * count columns and FROM, over rows `m` that carry month, site, caseworker, route, state and closure
 * reason; each grouping set is one breakdown, labelled by its site, caseworker or reason.
 */
function startTargetGroupsOf(db: Db, measures: Prisma.Sql): Promise<StartTargetGroup[]> {
  return db.$queryRaw<StartTargetGroup[]>`
    SELECT
      CASE WHEN g."byMonth" = 0 THEN 'month' WHEN g."bySite" = 0 THEN 'site' WHEN g."byCaseworker" = 0 THEN 'caseworker' WHEN g."byRoute" = 0 THEN 'route'
        WHEN g."byReason" = 0 THEN 'left' ELSE 'total' END AS "dimension",
      COALESCE(to_char(g."month", 'YYYY-MM-DD'), g."siteId"::text, g."assignedCaseworkerId"::text, g."route"::text, g."state"::text) AS "key",
      COALESCE(s."name", u."name", r."label") AS "label", g."closureReasonId"::text AS "reasonId",
      g."thisMonth", g."period", g."listMonths", g."listPeriod", g."left"
    FROM (
      SELECT GROUPING(m."month") AS "byMonth", GROUPING(m."siteId") AS "bySite", GROUPING(m."assignedCaseworkerId") AS "byCaseworker", GROUPING(m."route") AS "byRoute",
        GROUPING(m."state", m."closureReasonId") AS "byReason",
        m."month", m."siteId", m."assignedCaseworkerId", m."route", m."state", m."closureReasonId",
        ${measures}
      GROUP BY GROUPING SETS ((), (m."month"), (m."siteId"), (m."assignedCaseworkerId"), (m."route"), (m."state", m."closureReasonId"))) g
      LEFT JOIN "Site" s ON g."bySite" = 0 AND s."id" = g."siteId"
      LEFT JOIN "User" u ON g."byCaseworker" = 0 AND u."id" = g."assignedCaseworkerId"
      LEFT JOIN "Reason" r ON g."byReason" = 0 AND r."id" = g."closureReasonId"`;
}

/** The start-target groups counted live over Case_start_measure_idx (see startTargetFigures). */
function liveStartTargetGroups(db: Db, totals: Prisma.Sql, period: DateRange, thisMonth: DateRange, envelope: DateRange, today: IsoDate): Promise<StartTargetGroup[]> {
  return startTargetGroupsOf(
    db,
    Prisma.sql`
        ${countsWhere(Prisma.sql`m."measured" AND m."inThisMonth"`)} AS "thisMonth",
        ${countsWhere(Prisma.sql`m."measured" AND m."inPeriod"`)} AS "period",
        ${countsWhere(Prisma.sql`m."measured" AND m."listed" AND m."inPeriod"`)} AS "listMonths",
        ${countsWhere(Prisma.sql`m."measured" AND m."listed" AND m."inPeriod"`)} AS "listPeriod",
        count(*) FILTER (WHERE m."left" AND m."listed" AND m."inPeriod")::int AS "left"
      FROM (
        SELECT c."siteId", c."assignedCaseworkerId", c."route", c."state", c."closureReasonId",
          date_trunc('month', c."startDueOn") AS "month",
          c."startDueOn" BETWEEN ${thisMonth.from}::date AND ${thisMonth.to}::date AS "inThisMonth",
          c."startDueOn" BETWEEN ${period.from}::date AND ${period.to}::date AS "inPeriod",
          c."restrictionTier" <> 'scr'::"RestrictionTier" AS "listed",
          ${measuredSql(today)} AS "measured",
          ${leftBeforeDeadlineSql()} AS "left",
          c."startedOn" <= c."startDueOn" AS "onTime", c."startedOn" > c."startDueOn" AS "late"
        FROM "Case" c
        WHERE ${totals} AND ${deadlineInSql(envelope)}) m
`,
  );
}

/** The three start-target sums [measured, on time, started late] of the snapshot rows where `inRange` holds. */
const sumsWhere = (inRange: Prisma.Sql) =>
  Prisma.sql`ARRAY[COALESCE(sum(m."measured") FILTER (WHERE ${inRange}), 0), COALESCE(sum(m."onTime") FILTER (WHERE ${inRange}), 0), COALESCE(sum(m."startedLate") FILTER (WHERE ${inRange}), 0)]::int[]`;

/**
 * The same groups as liveStartTargetGroups, summed from the snapshot's rows (DashboardStartRow, one
 * per month and every filter's key, so the totals and list scopes apply to them unchanged). The
 * snapshot holds deadlines up to its own today, and every period starts on the first of a month,
 * so whole months are summed.
 */
function snapshotStartTargetGroups(db: Db, totals: Prisma.Sql, period: DateRange, thisMonth: DateRange, envelope: DateRange): Promise<StartTargetGroup[]> {
  const month = (date: IsoDate) => Prisma.sql`${firstOfMonth(date)}::date`;
  return startTargetGroupsOf(
    db,
    Prisma.sql`
        ${sumsWhere(Prisma.sql`m."inThisMonth"`)} AS "thisMonth",
        ${sumsWhere(Prisma.sql`m."inPeriod"`)} AS "period",
        ${sumsWhere(Prisma.sql`m."listed" AND m."inPeriod"`)} AS "listMonths",
        ${sumsWhere(Prisma.sql`m."listed" AND m."inPeriod"`)} AS "listPeriod",
        COALESCE(sum(m."leftBefore") FILTER (WHERE m."listed" AND m."inPeriod"), 0)::int AS "left"
      FROM (
        SELECT c."month", c."siteId", c."assignedCaseworkerId", c."route", c."state", c."closureReasonId", c."measured", c."onTime", c."startedLate", c."leftBefore",
          c."month" = ${month(thisMonth.from)} AS "inThisMonth",
          c."month" BETWEEN ${month(period.from)} AND ${month(period.to)} AS "inPeriod",
          c."restrictionTier" <> 'scr'::"RestrictionTier" AS "listed"
        FROM "DashboardStartRow" c
        WHERE ${totals} AND c."month" BETWEEN ${month(envelope.from)} AND ${month(envelope.to)}) m
`,
  );
}

/** The start-target figures from their groups (live or from the snapshot): labelled and ordered. */
function startTargetFiguresOf(rows: StartTargetGroup[], months: IsoDate[]): StartTargetFigures {
  const breakdowns: Breakdowns = { site: [], caseworker: [], route: [] };
  const byMonthKey = new Map<string | null, StartTargetCounts>();
  let thisMonthCounts = NO_COUNTS;
  let periodCounts = NO_COUNTS;
  const left: StartTargetGroup[] = [];
  for (const row of rows) {
    if (row.dimension === "left") {
      if (row.left > 0) left.push(row);
    } else if (row.dimension === "total") {
      thisMonthCounts = countsOf(row.thisMonth);
      periodCounts = countsOf(row.period);
    } else if (row.dimension === "month") byMonthKey.set(row.key, countsOf(row.listMonths));
    else {
      const counts = countsOf(row.listPeriod);
      // A site, caseworker or route appears only with a measured, listed case in the period.
      if (counts.measured === 0) continue;
      const label = row.dimension === "route" ? ROUTE_LABELS[row.key as CaseRoute] : row.dimension === "caseworker" && row.key === null ? "Unassigned" : (row.label ?? "");
      breakdowns[row.dimension].push({ key: row.key ?? "unassigned", label, ...startTargetFigure(counts) });
    }
  }
  const byLabel = (a: StartTargetRow, b: StartTargetRow) => (a.key === "unassigned" ? 1 : b.key === "unassigned" ? -1 : a.label.localeCompare(b.label, "en-GB"));
  breakdowns.site.sort(byLabel);
  breakdowns.caseworker.sort(byLabel);
  // Routes in the order the guidance introduces them (the enum's order).
  const routeOrder = Object.keys(ROUTE_LABELS);
  breakdowns.route.sort((a, b) => routeOrder.indexOf(a.key) - routeOrder.indexOf(b.key));
  // "All time": the chart starts at the first month with a measured case.
  const firstMeasured = months.findIndex((month) => (byMonthKey.get(month)?.measured ?? 0) > 0);
  const shownMonths = months.length <= 12 ? months : months.slice(Math.min(firstMeasured < 0 ? months.length : firstMeasured, months.length - 12));
  return {
    // Most first, then by state and reason (no reason last).
    leftBeforeDeadline: left
      .sort((a, b) => b.left - a.left || compareText(a.key, b.key) || (a.label === null ? 1 : b.label === null ? -1 : compareText(a.label, b.label)))
      .map((row) => ({
        key: `${row.key}:${row.label ?? "none"}`,
        state: row.key as string,
        reasonId: row.reasonId ?? "none",
        label: `${CASE_STATE_LABELS[row.key as keyof typeof CASE_STATE_LABELS]}${row.label ? ` – ${row.label}` : ""}`,
        count: Number(row.left),
      })),
    thisMonth: startTargetFigure(thisMonthCounts),
    period: startTargetFigure(periodCounts),
    byMonth: shownMonths.map((month) => ({ key: month, label: monthLabel(month), ...startTargetFigure(byMonthKey.get(month) ?? NO_COUNTS) })),
    breakdowns,
  };
}

// ─── Open cases: at risk, other clocks, caseload (as of today) ───────────────────────────

interface OpenTotals {
  openTotal: number;
  unassignedTotal: number;
  awaitingStartTotal: number;
  missedTotal: number;
  atRiskTotal: number;
  meetingsMissed: number;
  formsChasesDue: number;
  ucpr1DuplicatesDue: number;
  cancellationsPending: number;
  cancellationsOverdue: number;
  onProvisionTotal: number;
}

/** Working-day cut-offs per nation, computed once per request (not per row). */
function atRiskCutoffs(calendar: WorkingDayCalendar, today: IsoDate) {
  return {
    england_and_wales: calendar.addWorkingDays(today, AT_RISK_WINDOW_WORKING_DAYS, "england-and-wales"),
    scotland: calendar.addWorkingDays(today, AT_RISK_WINDOW_WORKING_DAYS, "scotland"),
    northern_ireland: calendar.addWorkingDays(today, AT_RISK_WINDOW_WORKING_DAYS, "northern-ireland"),
  };
}

interface OpenFigures {
  totals: OpenTotals;
  bySite: CaseloadRow[];
  byCaseworker: CaseloadRow[];
  /** On provision now per strand (STRAND_KEYS' order), over the list scope: the strand split's first column. */
  onProvisionByStrand: Record<StrandKey, number>;
}

type OpenGroup = OpenTotals & { dimension: "total" | "site" | "caseworker"; key: string | null; label: string | null; open: number; unassigned: number; onProvisionByStrand: number[] };

/**
 * The open cases in ONE pass (docs/decisions/0032-dashboard-at-a-million-cases.md, "the live
 * open-case reads"): every headline count and clock over the totals scope, the caseload per site
 * and per caseworker over the list scope (the same rows without SCR cases, decision 0005), and the
 * cases on provision per strand (list scope) for the strand split.
 *
 * The open cases (~55,000 at 1,000,000 cases) are read once from Case_open_cases_idx in its own
 * order — site, state, caseworker; by site first, so a site filter reads only that site's range of
 * the index — and counted into one row per site, state and caseworker as they come (no sort, no hash
 * table); the counts that depend only on the state (awaiting a start, on
 * provision, backed out) are applied to those few rows, not to every case; the at-risk count is
 * taken once per nation's cut-off, a case's nation being its site's. The outer query labels the rows
 * and adds them up per site, per caseworker and in all. (Counting each breakdown over the cases
 * themselves, with the site and caseworker joined to every case, evaluated every count three times
 * over: two to three times as long.) The inner GROUPING SETS' empty set is never read: it keeps
 * PostgreSQL 15 from splitting the count across parallel workers (it cannot with grouping sets),
 * which on two busy cores took two to three times as long as one process.
 */
async function openFigures(db: Db, totals: Prisma.Sql, calendar: WorkingDayCalendar, today: IsoDate, now: Date): Promise<OpenFigures> {
  const cutoff = atRiskCutoffs(calendar, today);
  const listed = Prisma.sql`c."restrictionTier" <> 'scr'::"RestrictionTier"`;
  const unstarted = Prisma.sql`c."startedOn" IS NULL`;
  const atRiskBy = (to: IsoDate) => Prisma.sql`count(*) FILTER (WHERE ${unstarted} AND c."startDueOn" BETWEEN ${today}::date AND ${to}::date)`;
  const strandIs = (key: StrandKey) => (key === "none" ? Prisma.sql`c."strand" IS NULL` : Prisma.sql`c."strand" = ${key}::"Strand"`);
  /** The sum of an inner count over the outer group's rows, where `where` holds of the row's state, site or caseworker. */
  const sum = (count: Prisma.Sql, where?: Prisma.Sql) => Prisma.sql`COALESCE(sum(${count})${where ? Prisma.sql` FILTER (WHERE ${where})` : Prisma.empty}, 0)::int`;
  const awaiting = Prisma.sql`g."state" IN (${AWAITING})`;
  // On provision now: started, and not yet completed or left (or backed out) — the "started" state.
  const onProvision = Prisma.sql`g."state" = 'started'::"CaseState"`;
  const backedOut = Prisma.sql`g."state" = 'backed_out'::"CaseState"`;
  const unassigned = Prisma.sql`g."assignedCaseworkerId" IS NULL`;
  const rows = await db.$queryRaw<OpenGroup[]>`
    SELECT
      CASE WHEN GROUPING(g."siteId") = 0 THEN 'site' WHEN GROUPING(g."assignedCaseworkerId") = 0 THEN 'caseworker' ELSE 'total' END AS "dimension",
      COALESCE(g."siteId"::text, g."assignedCaseworkerId"::text) AS "key",
      COALESCE(s."name", u."name") AS "label",
      ${sum(Prisma.sql`g."listed"`)} AS "open",
      ${sum(Prisma.sql`g."listed"`, unassigned)} AS "unassigned",
      ${sum(Prisma.sql`g."all"`)} AS "openTotal",
      ${sum(Prisma.sql`g."all"`, unassigned)} AS "unassignedTotal",
      ${sum(Prisma.sql`g."withDeadline"`, awaiting)} AS "awaitingStartTotal",
      ${sum(Prisma.sql`g."deadlinePassed"`, awaiting)} AS "missedTotal",
      ${sum(
        Prisma.sql`CASE s."nation" WHEN 'scotland' THEN g."atRiskScotland" WHEN 'northern_ireland' THEN g."atRiskNorthernIreland" ELSE g."atRiskEnglandAndWales" END`,
        awaiting,
      )} AS "atRiskTotal",
      ${sum(Prisma.sql`g."meetingsMissed"`)} AS "meetingsMissed",
      ${sum(Prisma.sql`g."formsChasesDue"`)} AS "formsChasesDue",
      ${sum(Prisma.sql`g."ucpr1DuplicatesDue"`)} AS "ucpr1DuplicatesDue",
      ${sum(Prisma.sql`g."cancellationPending"`, backedOut)} AS "cancellationsPending",
      ${sum(Prisma.sql`g."cancellationOverdue"`, backedOut)} AS "cancellationsOverdue",
      ${sum(Prisma.sql`g."all"`, onProvision)} AS "onProvisionTotal",
      ARRAY[${Prisma.join(STRAND_KEYS.map((_, index) => sum(Prisma.sql`g."listedByStrand"[${index + 1}::int]`, onProvision)))}]::int[] AS "onProvisionByStrand"
    FROM (
      SELECT GROUPING(c."siteId", c."state", c."assignedCaseworkerId") AS "rollup", c."siteId", c."state", c."assignedCaseworkerId",
        count(*) AS "all",
        count(*) FILTER (WHERE ${listed}) AS "listed",
        count(*) FILTER (WHERE ${unstarted} AND c."startDueOn" IS NOT NULL) AS "withDeadline",
        count(*) FILTER (WHERE ${unstarted} AND c."startDueOn" < ${today}::date) AS "deadlinePassed",
        ${atRiskBy(cutoff.england_and_wales)} AS "atRiskEnglandAndWales",
        ${atRiskBy(cutoff.scotland)} AS "atRiskScotland",
        ${atRiskBy(cutoff.northern_ireland)} AS "atRiskNorthernIreland",
        count(*) FILTER (WHERE c."meetDueOn" < ${today}::date AND c."firstMetOn" IS NULL) AS "meetingsMissed",
        count(*) FILTER (WHERE c."formsChaseDueOn" <= ${today}::date AND c."spocChasedOn" IS NULL
          AND (c."uc452ReceivedOn" IS NULL OR c."ucpr1ReceivedOn" IS NULL)) AS "formsChasesDue",
        count(*) FILTER (WHERE c."ucpr1DuplicateDueOn" <= ${today}::date AND c."ucpr1DuplicateRequestedOn" IS NULL
          AND c."ucpr1ReceivedOn" IS NULL) AS "ucpr1DuplicatesDue",
        count(*) FILTER (WHERE c."cancelDueAt" IS NOT NULL AND c."cancelledAt" IS NULL) AS "cancellationPending",
        count(*) FILTER (WHERE c."cancelDueAt" < ${now} AND c."cancelledAt" IS NULL) AS "cancellationOverdue",
        ARRAY[${Prisma.join(STRAND_KEYS.map((key) => Prisma.sql`count(*) FILTER (WHERE ${listed} AND ${strandIs(key)})`))}] AS "listedByStrand"
      FROM "Case" c
      WHERE ${totals} AND c."state" IN (${OPEN})
      GROUP BY GROUPING SETS ((c."siteId", c."state", c."assignedCaseworkerId"), ())) g
      JOIN "Site" s ON s."id" = g."siteId" LEFT JOIN "User" u ON u."id" = g."assignedCaseworkerId"
    WHERE g."rollup" = 0
    GROUP BY GROUPING SETS ((), (g."siteId", s."name"), (g."assignedCaseworkerId", u."name"))
    ORDER BY 1, 3`;
  const total = rows.find((row) => row.dimension === "total");
  const caseload = (dimension: "site" | "caseworker") =>
    rows
      // Only groups with a listed open case (an inner join on the site or caseworker in the list scope).
      .filter((row) => row.dimension === dimension && row.key !== null && row.open > 0)
      .map((row) => ({ key: row.key as string, label: row.label ?? "", open: Number(row.open), unassigned: dimension === "site" ? Number(row.unassigned) : 0 }));
  const zero: OpenTotals = {
    openTotal: 0,
    unassignedTotal: 0,
    awaitingStartTotal: 0,
    missedTotal: 0,
    atRiskTotal: 0,
    meetingsMissed: 0,
    formsChasesDue: 0,
    ucpr1DuplicatesDue: 0,
    cancellationsPending: 0,
    cancellationsOverdue: 0,
    onProvisionTotal: 0,
  };
  const { openTotal, unassignedTotal, awaitingStartTotal, missedTotal, atRiskTotal, meetingsMissed, formsChasesDue, ucpr1DuplicatesDue, cancellationsPending, cancellationsOverdue, onProvisionTotal } = total ?? zero;
  return {
    totals: { openTotal, unassignedTotal, awaitingStartTotal, missedTotal, atRiskTotal, meetingsMissed, formsChasesDue, ucpr1DuplicatesDue, cancellationsPending, cancellationsOverdue, onProvisionTotal },
    bySite: caseload("site"),
    byCaseworker: caseload("caseworker"),
    onProvisionByStrand: Object.fromEntries(STRAND_KEYS.map((key, index) => [key, Number(total?.onProvisionByStrand[index] ?? 0)])) as Record<StrandKey, number>,
  };
}

function paged<T>(rows: T[], total: number, page: number, pageSize: number): Paged<T> {
  return { rows, total, page, pageSize, totalPages: Math.max(1, Math.ceil(total / pageSize)) };
}

function clampPage(page: number, total: number, pageSize: number): number {
  return Math.min(Math.max(1, Math.floor(page) || 1), Math.max(1, Math.ceil(total / pageSize)));
}

const ROW_SELECT = {
  id: true,
  reference: true,
  state: true,
  route: true,
  referralDate: true,
  referralReceivedOn: true,
  createdAt: true,
  startDueOn: true,
  nextDeadlineOn: true,
  meetDueOn: true,
  initialAssessmentOn: true,
  firstMetOn: true,
  formsChaseDueOn: true,
  ucpr1DuplicateDueOn: true,
  ucpr1DuplicateRequestedOn: true,
  uc452ReceivedOn: true,
  ucpr1ReceivedOn: true,
  spocChasedOn: true,
  welcomeCallDueOn: true,
  welcomeCallOn: true,
  site: { select: { name: true, nation: true } },
  claimant: { select: { forename: true, surname: true } },
  assignedCaseworker: { select: { name: true } },
} as const satisfies Prisma.CaseSelect;

type ListRow = Prisma.CaseGetPayload<{ select: typeof ROW_SELECT }>;

function toAtRiskRow(row: ListRow, calendar: WorkingDayCalendar, today: IsoDate, dueSoonWorkingDays = DEFAULT_DEADLINE_SETTINGS.dueSoonWorkingDays): AtRiskRow {
  const startDueOn = isoDateFromDb(row.startDueOn) as IsoDate;
  const nation = nationFromCode(row.site.nation);
  const workingDaysLeft = calendar.workingDaysBetween(today, startDueOn, nation);
  const risk = startRisk(workingDaysLeft, startDueOn, today);
  const nextAction = nextActionDue({
    meetDueOn: isoDateFromDb(row.meetDueOn),
      initialAssessmentOn: isoDateFromDb(row.initialAssessmentOn),
      firstMetOn: isoDateFromDb(row.firstMetOn),
      formsChaseDueOn: isoDateFromDb(row.formsChaseDueOn),
      ucpr1DuplicateDueOn: isoDateFromDb(row.ucpr1DuplicateDueOn),
      ucpr1DuplicateRequestedOn: isoDateFromDb(row.ucpr1DuplicateRequestedOn),
      uc452ReceivedOn: isoDateFromDb(row.uc452ReceivedOn),
      ucpr1ReceivedOn: isoDateFromDb(row.ucpr1ReceivedOn),
      spocChasedOn: isoDateFromDb(row.spocChasedOn),
      welcomeCallDueOn: isoDateFromDb(row.welcomeCallDueOn),
      welcomeCallOn: isoDateFromDb(row.welcomeCallOn),
    });
  // The one urgency scheme (lib/domain/urgency.ts) tags the next action as everywhere else.
  const nextActionUrgency = nextAction
    ? urgencyOfWorkingDays(calendar.workingDaysBetween(today, nextAction.dueOn, nation), dueSoonWorkingDays)
    : null;
  return {
    nextActionUrgency,
    id: row.id,
    reference: row.reference,
    claimantName: `${row.claimant.forename} ${row.claimant.surname}`,
    state: row.state,
    stateLabel: CASE_STATE_LABELS[row.state],
    route: row.route,
    routeLabel: ROUTE_LABELS[row.route],
    siteName: row.site.name,
    caseworkerName: row.assignedCaseworker?.name ?? null,
    referralDate: isoDateFromDb(row.referralDate),
    startDueOn,
    workingDaysLeft,
    risk,
    riskText: startRiskText(risk, workingDaysLeft),
    nextAction,
  };
}

interface RawListRow {
  id: string;
  reference: string;
  state: ListRow["state"];
  route: ListRow["route"];
  referralDate: Date | null;
  referralReceivedOn: Date | null;
  createdAt: Date;
  startDueOn: Date | null;
  nextDeadlineOn: Date | null;
  meetDueOn: Date | null;
  initialAssessmentOn: Date | null;
  firstMetOn: Date | null;
  formsChaseDueOn: Date | null;
  ucpr1DuplicateDueOn: Date | null;
  ucpr1DuplicateRequestedOn: Date | null;
  uc452ReceivedOn: Date | null;
  ucpr1ReceivedOn: Date | null;
  spocChasedOn: Date | null;
  welcomeCallDueOn: Date | null;
  welcomeCallOn: Date | null;
  siteName: string;
  siteNation: ListRow["site"]["nation"];
  forename: string;
  surname: string;
  caseworkerName: string | null;
  total: number;
}

/** The at-risk list's cases (list scope) and their order: fewest working days left first. */
const AT_RISK_LIST = {
  where: Prisma.sql`c."state" IN (${AWAITING}) AND c."startedOn" IS NULL AND c."startDueOn" IS NOT NULL`,
  // The stored, indexed start deadline orders cases exactly as working days left would.
  orderBy: (t: Prisma.Sql) => Prisma.sql`${t}."startDueOn" ASC, ${t}."reference" ASC`,
};

/**
 * The at-risk list in the order a manager chose (dashboard sortable table, either direction); the
 * default is the stored start deadline. The reference breaks ties in the same direction.
 */
function atRiskList(sort: AtRiskSort = "must-start-by"): typeof AT_RISK_LIST {
  const { column, descending } = atRiskSortParts(sort);
  const dir = descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  switch (column) {
    case "referral-date":
      return { ...AT_RISK_LIST, orderBy: (t) => Prisma.sql`${t}."referralDate" ${dir} NULLS LAST, ${t}."reference" ${dir}` };
    case "case":
      return { ...AT_RISK_LIST, orderBy: (t) => Prisma.sql`${t}."reference" ${dir}` };
    default:
      return descending ? { ...AT_RISK_LIST, orderBy: (t) => Prisma.sql`${t}."startDueOn" DESC, ${t}."reference" DESC` } : AT_RISK_LIST;
  }
}

/** The unassigned list's cases (list scope) and their order: longest waiting first. */
const UNASSIGNED_LIST = {
  where: Prisma.sql`c."state" IN (${OPEN}) AND c."assignedCaseworkerId" IS NULL`,
  orderBy: (t: Prisma.Sql) => Prisma.sql`${t}."referralDate" ASC NULLS LAST, ${t}."createdAt" ASC, ${t}."reference" ASC`,
};

/**
 * One page of a dashboard list and the list's total in ONE query, so both are one moment: the page
 * is read in the list's order from the front of the list's partial index (Case_awaiting_start_idx,
 * Case_unassigned_open_idx; docs/decisions/0032-dashboard-at-a-million-cases.md, "the live open-case
 * reads") and the total is an index-only count of the same index; the page is then joined to its
 * site, claimant and caseworker. An order the index does not hold (the at-risk list by referral date
 * or by case) is a top-N sort of the index's entries, still without reading the table.
 * A page past the end is clamped to the last page, as before.
 */
async function casePage(db: Db, scope: Prisma.Sql, list: typeof AT_RISK_LIST, requestedPage: number, pageSize: number): Promise<{ rows: ListRow[]; total: number; page: number }> {
  // (Before the partial indexes, every matching case was read, counted with a window and sorted
  // for one page: ~20 ms at 1,000,000 cases for the at-risk list, against ~3 ms this way.)
  const fetch = (page: number) => db.$queryRaw<RawListRow[]>`
    SELECT c."id", c."reference", c."state"::text AS "state", c."route"::text AS "route", c."referralDate", c."referralReceivedOn", c."createdAt",
      c."startDueOn", c."nextDeadlineOn", c."meetDueOn", c."initialAssessmentOn", c."firstMetOn", c."formsChaseDueOn", c."ucpr1DuplicateDueOn", c."ucpr1DuplicateRequestedOn", c."uc452ReceivedOn",
      c."ucpr1ReceivedOn", c."spocChasedOn", c."welcomeCallDueOn", c."welcomeCallOn",
      s."name" AS "siteName", s."nation"::text AS "siteNation", cl."forename", cl."surname", u."name" AS "caseworkerName",
      (SELECT count(*)::int FROM "Case" c WHERE ${scope} AND ${list.where}) AS "total"
    FROM (
      SELECT c."id", c."reference", c."startDueOn", c."referralDate", c."createdAt"
      FROM "Case" c
      WHERE ${scope} AND ${list.where}
      ORDER BY ${list.orderBy(Prisma.sql`c`)}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) p
    JOIN "Case" c ON c."id" = p."id"
    JOIN "Site" s ON s."id" = c."siteId"
    JOIN "Claimant" cl ON cl."id" = c."claimantId"
    LEFT JOIN "User" u ON u."id" = c."assignedCaseworkerId"
    ORDER BY ${list.orderBy(Prisma.sql`p`)}`;
  let page = Math.max(1, Math.floor(requestedPage) || 1);
  let raw = await fetch(page);
  let total = raw[0]?.total ?? 0;
  if (raw.length === 0 && page > 1) {
    // Past the end: count, then fetch the last page.
    const [{ count }] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM "Case" c WHERE ${scope} AND ${list.where}`;
    total = count;
    page = clampPage(page, total, pageSize);
    raw = total > 0 ? await fetch(page) : [];
  }
  const rows: ListRow[] = raw.map((row) => ({
    id: row.id,
    reference: row.reference,
    state: row.state,
    route: row.route,
    referralDate: row.referralDate,
    referralReceivedOn: row.referralReceivedOn,
    createdAt: row.createdAt,
    startDueOn: row.startDueOn,
    nextDeadlineOn: row.nextDeadlineOn,
    meetDueOn: row.meetDueOn,
    initialAssessmentOn: row.initialAssessmentOn,
    firstMetOn: row.firstMetOn,
    formsChaseDueOn: row.formsChaseDueOn,
    ucpr1DuplicateDueOn: row.ucpr1DuplicateDueOn,
    ucpr1DuplicateRequestedOn: row.ucpr1DuplicateRequestedOn,
    uc452ReceivedOn: row.uc452ReceivedOn,
    ucpr1ReceivedOn: row.ucpr1ReceivedOn,
    spocChasedOn: row.spocChasedOn,
    welcomeCallDueOn: row.welcomeCallDueOn,
    welcomeCallOn: row.welcomeCallOn,
    site: { name: row.siteName, nation: row.siteNation },
    claimant: { forename: row.forename, surname: row.surname },
    assignedCaseworker: row.caseworkerName === null ? null : { name: row.caseworkerName },
  }));
  return { rows, total, page };
}

/** At risk and projected breaches: open cases not yet started, fewest working days left first. */
export async function listAtRisk(
  db: Db,
  actor: UseCaseActor,
  filters: DashboardFilters,
  today: IsoDate,
  options: { page: number; pageSize: number; calendar?: WorkingDayCalendar | Promise<WorkingDayCalendar>; sort?: AtRiskSort },
): Promise<Paged<AtRiskRow>> {
  const [{ rows, total, page }, calendar, deadlineSettings] = await Promise.all([
    casePage(db, caseScopeSql(actor, filters, "list"), atRiskList(options.sort), options.page, options.pageSize),
    options.calendar ?? loadCalendar(db),
    loadDeadlineSettings(db),
  ]);
  return paged(rows.map((row) => toAtRiskRow(row, calendar, today, deadlineSettings.dueSoonWorkingDays)), total, page, options.pageSize);
}

function waitingSince(row: ListRow): IsoDate {
  return isoDateFromDb(row.referralReceivedOn) ?? isoDateFromDb(row.referralDate) ?? row.createdAt.toISOString().slice(0, 10);
}

/** Unassigned open cases, longest waiting first. */
export async function listUnassigned(
  db: Db,
  actor: UseCaseActor,
  filters: DashboardFilters,
  today: IsoDate,
  options: { page: number; pageSize: number; calendar?: WorkingDayCalendar | Promise<WorkingDayCalendar> },
): Promise<Paged<UnassignedRow>> {
  const [{ rows, total, page }, calendar] = await Promise.all([
    casePage(db, caseScopeSql(actor, filters, "list"), UNASSIGNED_LIST, options.page, options.pageSize),
    options.calendar ?? loadCalendar(db),
  ]);
  return paged(
    rows.map((row) => {
      const since = waitingSince(row);
      return {
        id: row.id,
        reference: row.reference,
        claimantName: `${row.claimant.forename} ${row.claimant.surname}`,
        stateLabel: CASE_STATE_LABELS[row.state],
        routeLabel: ROUTE_LABELS[row.route],
        siteName: row.site.name,
        waitingSince: since,
        workingDaysWaiting: Math.max(0, calendar.workingDaysBetween(since, today, nationFromCode(row.site.nation))),
      };
    }),
    total,
    page,
    options.pageSize,
  );
}

/** The caseload's case list: open cases, soonest next deadline first (for the export). */
export async function listOpenCases(
  db: Db,
  actor: UseCaseActor,
  filters: DashboardFilters,
  options: { page: number; pageSize: number },
): Promise<Paged<OpenCaseRow>> {
  const where: Prisma.CaseWhereInput = { AND: [dashboardListWhere(actor, filters), { state: { in: [...OPEN_STATES] } }] };
  const total = await db.case.count({ where });
  const page = clampPage(options.page, total, options.pageSize);
  const rows = await db.case.findMany({
    where,
    orderBy: [{ nextDeadlineOn: { sort: "asc", nulls: "last" } }, { reference: "asc" }],
    skip: (page - 1) * options.pageSize,
    take: options.pageSize,
    select: ROW_SELECT,
  });
  return paged(
    rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      claimantName: `${row.claimant.forename} ${row.claimant.surname}`,
      stateLabel: CASE_STATE_LABELS[row.state],
      routeLabel: ROUTE_LABELS[row.route],
      siteName: row.site.name,
      caseworkerName: row.assignedCaseworker?.name ?? null,
      referralDate: isoDateFromDb(row.referralDate),
      startDueOn: isoDateFromDb(row.startDueOn),
      nextDeadlineOn: isoDateFromDb(row.nextDeadlineOn),
    })),
    total,
    page,
    options.pageSize,
  );
}

// ─── The funnel (period by referral date) ─────────────────────────────────────────────────

interface FunnelTotals {
  referred: number;
  assessed: number;
  recommended: number;
  started: number;
  completed: number;
  leftEarly: number;
  rejected: number;
  cancelled: number;
  notSuitable: number;
  backedOut: number;
}

interface FunnelFigures {
  totals: FunnelTotals;
  reasons: Record<"rejected" | "cancelled" | "left_early", CountRow[]>;
}

const REASON_STATES = { rejected: "rejected", cancelled: "cancelled", left_early: "left_early" } as const;

/**
 * The funnel (totals scope) and the closure reasons of rejected, cancelled and early-leaver
 * cases (list scope: without SCR cases) of the period's referrals: ONE aggregation over
 * Case_referral_funnel_idx (GROUPING SETS: the period's totals, and per state and reason), the
 * recommended stage included. (That lookup, estimated for every referral, would switch on
 * PostgreSQL's JIT compiler: `withoutJit` keeps it off.)
 */
type FunnelGroup = { byState: number; state: string | null; key: string | null; label: string | null; referred: number; assessed: number; recommended: number; started: number; listed: number };

/**
 * Recommended = started, or not started with a recommended Initial Assessment: the probe of
 * InitialAssessment_caseId_outcome_idx runs only for the referrals not started.
 */
export const RECOMMENDED_SQL = Prisma.sql`c."startedOn" IS NOT NULL OR EXISTS (SELECT 1 FROM "InitialAssessment" ia WHERE ia."caseId" = c."id" AND ia."outcome" = 'recommended')`;
/** Assessed: an Initial Assessment or first meeting held (or started). */
export const ASSESSED_SQL = Prisma.sql`c."firstMetOn" IS NOT NULL OR c."startedOn" IS NOT NULL`;

/** The funnel's groups summed from the snapshot's rows (DashboardFunnelRow), whole months of referrals. */
function snapshotFunnelGroups(db: Db, totals: Prisma.Sql, range: DateRange): Promise<FunnelGroup[]> {
  return db.$queryRaw<FunnelGroup[]>`
    SELECT g."byState", g."state"::text AS "state", g."closureReasonId"::text AS "key", r."label", g."referred", g."assessed", g."recommended", g."started", g."listed"
    FROM (
      SELECT GROUPING(c."state") AS "byState", c."state", c."closureReasonId",
        COALESCE(sum(c."referred"), 0)::int AS "referred",
        COALESCE(sum(c."assessed"), 0)::int AS "assessed",
        COALESCE(sum(c."recommended"), 0)::int AS "recommended",
        COALESCE(sum(c."started"), 0)::int AS "started",
        COALESCE(sum(c."referred") FILTER (WHERE c."restrictionTier" <> 'scr'::"RestrictionTier"), 0)::int AS "listed"
      FROM "DashboardFunnelRow" c
      WHERE ${totals} AND c."month" BETWEEN ${firstOfMonth(range.from)}::date AND ${firstOfMonth(range.to)}::date
      GROUP BY GROUPING SETS ((), (c."state", c."closureReasonId"))) g
      LEFT JOIN "Reason" r ON g."byState" = 0 AND r."id" = g."closureReasonId"
    ORDER BY g."listed" DESC, r."label" NULLS LAST`;
}

async function funnelFigures(db: Db, totals: Prisma.Sql, range: DateRange, snapshot: SnapshotMoment | null): Promise<FunnelFigures> {
  const inPeriod = Prisma.sql`${totals} AND c."referralDate" BETWEEN ${range.from}::date AND ${range.to}::date`;
  const rows = snapshot ? await snapshotFunnelGroups(db, totals, range) : await withoutJit<FunnelGroup[]>(
    db,
    Prisma.sql`
      SELECT g."byState", g."state"::text AS "state", g."closureReasonId"::text AS "key", r."label", g."referred", g."assessed", g."recommended", g."started", g."listed"
      FROM (
        SELECT GROUPING(f."state") AS "byState", f."state", f."closureReasonId",
          count(*)::int AS "referred",
          count(*) FILTER (WHERE f."assessed")::int AS "assessed",
          count(*) FILTER (WHERE f."recommended")::int AS "recommended",
          count(*) FILTER (WHERE f."started")::int AS "started",
          count(*) FILTER (WHERE f."listed")::int AS "listed"
        FROM (
          SELECT c."state", c."closureReasonId",
            ${ASSESSED_SQL} AS "assessed",
            ${RECOMMENDED_SQL} AS "recommended",
            c."startedOn" IS NOT NULL AS "started",
            c."restrictionTier" <> 'scr'::"RestrictionTier" AS "listed"
          FROM "Case" c
          WHERE ${inPeriod}) f
        GROUP BY GROUPING SETS ((), (f."state", f."closureReasonId"))) g
        LEFT JOIN "Reason" r ON g."byState" = 0 AND r."id" = g."closureReasonId"
      ORDER BY g."listed" DESC, r."label" NULLS LAST`,
  );
  const total = rows.find((row) => row.byState === 1);
  const inState = (state: string) => rows.reduce((sum, row) => (row.byState === 0 && row.state === state ? sum + row.referred : sum), 0);
  const reasonsOf = (state: string) =>
    rows
      .filter((row) => row.byState === 0 && row.state === state && row.listed > 0)
      .map((row) => ({ key: row.key ?? "none", label: row.label ?? "No reason recorded", count: row.listed }));
  return {
    totals: {
      referred: total?.referred ?? 0,
      assessed: total?.assessed ?? 0,
      recommended: total?.recommended ?? 0,
      started: total?.started ?? 0,
      completed: inState("completed"),
      leftEarly: inState("left_early"),
      rejected: inState("rejected"),
      cancelled: inState("cancelled"),
      notSuitable: inState("not_suitable"),
      backedOut: inState("backed_out"),
    },
    reasons: {
      rejected: reasonsOf(REASON_STATES.rejected),
      cancelled: reasonsOf(REASON_STATES.cancelled),
      left_early: reasonsOf(REASON_STATES.left_early),
    },
  };
}

// ─── The strand split (13.25–13.27) ───────────────────────────────────────────────────────

/**
 * Starts in the period (by start date) per strand, over the list scope (a breakdown: never an SCR
 * case, decision 0005): an index-only range scan of Case_starts_idx, or the snapshot's
 * DashboardStartsRow (whole months of start dates) when there is one. On provision now, the split's
 * other column, is counted with the open cases (openFigures), always live.
 */
async function strandStarts(db: Db, listed: Prisma.Sql, range: DateRange, snapshot: SnapshotMoment | null): Promise<Map<StrandKey, number>> {
  const rows = snapshot
    ? await db.$queryRaw<{ key: StrandKey; starts: number }[]>`
        SELECT COALESCE(c."strand"::text, 'none') AS "key", COALESCE(sum(c."starts"), 0)::int AS "starts" FROM "DashboardStartsRow" c
        WHERE ${listed} AND c."month" BETWEEN ${firstOfMonth(range.from)}::date AND ${firstOfMonth(range.to)}::date
        GROUP BY 1`
    : await db.$queryRaw<{ key: StrandKey; starts: number }[]>`
        SELECT COALESCE(c."strand"::text, 'none') AS "key", count(*)::int AS "starts" FROM "Case" c
        WHERE ${listed} AND c."startedOn" BETWEEN ${range.from}::date AND ${range.to}::date
        GROUP BY 1`;
  return new Map(rows.map((row) => [row.key, row.starts]));
}

/** The strand split: every strand is shown, even at 0; "Strand not recorded" only when a case has none. */
function strandRows(onProvision: Record<StrandKey, number>, starts: Map<StrandKey, number>): StrandRow[] {
  return STRAND_KEYS.map((key) => ({ key, label: STRAND_LABELS[key], onProvision: onProvision[key], starts: starts.get(key) ?? 0 })).filter(
    (row) => row.key !== "none" || row.onProvision + row.starts > 0,
  );
}

// ─── The dashboard ────────────────────────────────────────────────────────────────────────

function scope(actor: UseCaseActor, filters: DashboardFilters, which: DashboardScope) {
  return caseScopeSql(actor, filters, which);
}

/**
 * Every figure on the manager dashboard (docs/rules/clocks.md: the start measure), aggregated in
 * the database from the stored due dates (indexed); working days are counted only for the rows
 * displayed. Headline totals
 * count SCR cases; nothing else does (decision 0005).
 */
export async function loadDashboard(prisma: PrismaClient, actor: UseCaseActor, filters: DashboardFilters, today: IsoDate, options: { atRiskPage?: number; atRiskSort?: AtRiskSort; now?: Date } = {}): Promise<DashboardView> {
  assertCan(actor, "read:dashboard:any");
  const now = options.now ?? new Date();
  const period = periodRange(filters.period, today);
  const thisMonth = { from: firstOfMonth(today), to: today };
  const totals = scope(actor, filters, "totals");

  // The calendar is needed only by the open-case figures (the at-risk cut-offs) and the two lists'
  // working days: every other query starts at once, each a single pass.
  const calendarLoaded = loadCalendar(prisma);
  // The start target and the funnel come from the organisation's snapshot when it has one (large
  // organisations: docs/decisions/0032-dashboard-at-a-million-cases.md), else live.
  const snapshotLoaded = loadSnapshotMoment(prisma, actor.organisationId, today);
  const [sites, caseworkers, start, open, atRisk, unassigned, funnel, starts, snapshot] = await Promise.all([
    prisma.site.findMany({ where: { organisationId: actor.organisationId }, select: { id: true, name: true, nation: true }, orderBy: { name: "asc" } }),
    prisma.user.findMany({
      where: { organisationId: actor.organisationId, roles: { hasSome: ["caseworker", "nominated_officer"] } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    snapshotLoaded.then((snapshot) => startTargetFigures(prisma, totals, period, thisMonth, today, snapshot)),
    calendarLoaded.then((calendar) => openFigures(prisma, totals, calendar, today, now)),
    listAtRisk(prisma, actor, filters, today, { page: options.atRiskPage ?? 1, pageSize: AT_RISK_PAGE_SIZE, calendar: calendarLoaded, sort: options.atRiskSort }),
    listUnassigned(prisma, actor, filters, today, { page: 1, pageSize: UNASSIGNED_PAGE_SIZE, calendar: calendarLoaded }),
    snapshotLoaded.then((snapshot) => funnelFigures(prisma, totals, period, snapshot)),
    snapshotLoaded.then((snapshot) => strandStarts(prisma, scope(actor, filters, "list"), period, snapshot)),
    snapshotLoaded,
  ]);

  return {
    today,
    filters,
    period: { ...period, label: PERIOD_LABELS[filters.period] },
    thisMonth: { ...thisMonth, label: monthLabel(thisMonth.from) },
    totalsIncludeRestricted: totalsIncludeRestricted(actor, filters),
    periodFiguresAsOf: snapshot ? snapshot.takenAt.toISOString() : null,
    options: {
      sites: sites.map((site) => ({ id: site.id, name: site.name, nationName: nationDisplayName(nationFromCode(site.nation)) })),
      caseworkers,
      routes: DASHBOARD_ROUTES.map((value) => ({ value, label: ROUTE_LABELS[value] })),
    },
    startTarget: {
      thisMonth: start.thisMonth,
      period: start.period,
      byMonth: start.byMonth,
      bySite: start.breakdowns.site,
      byCaseworker: start.breakdowns.caseworker,
      byRoute: start.breakdowns.route,
      leftBeforeDeadline: start.leftBeforeDeadline,
    },
    atRisk: { ...atRisk, missedTotal: open.totals.missedTotal, atRiskTotal: open.totals.atRiskTotal, awaitingStartTotal: open.totals.awaitingStartTotal },
    clocks: {
      meetingsMissed: open.totals.meetingsMissed,
      formsChasesDue: open.totals.formsChasesDue,
      ucpr1DuplicatesDue: open.totals.ucpr1DuplicatesDue,
      cancellationsPending: open.totals.cancellationsPending,
      cancellationsOverdue: open.totals.cancellationsOverdue,
    },
    caseload: { openTotal: open.totals.openTotal, unassignedTotal: open.totals.unassignedTotal, bySite: open.bySite, byCaseworker: open.byCaseworker, unassigned },
    provision: { onProvisionTotal: open.totals.onProvisionTotal, byStrand: strandRows(open.onProvisionByStrand, starts) },
    funnel: {
      stages: [
        { key: "referred", label: "Referred", count: funnel.totals.referred },
        { key: "assessed", label: "Assessed (Initial Assessment or first meeting held)", count: funnel.totals.assessed },
        { key: "recommended", label: "Recommended", count: funnel.totals.recommended },
        { key: "started", label: "Started", count: funnel.totals.started },
      ],
      outcomes: [
        { key: "completed", label: "Completed", count: funnel.totals.completed },
        { key: "left_early", label: "Left early", count: funnel.totals.leftEarly },
        { key: "rejected", label: "Rejected", count: funnel.totals.rejected },
        { key: "not_suitable", label: "Not suitable", count: funnel.totals.notSuitable },
        { key: "backed_out", label: "Backed out (cancellation pending)", count: funnel.totals.backedOut },
        { key: "cancelled", label: "Cancelled (did not start)", count: funnel.totals.cancelled },
      ],
      rejectionReasons: funnel.reasons.rejected,
      cancellationReasons: funnel.reasons.cancelled,
      earlyLeaverReasons: funnel.reasons.left_early,
    },
  };
}
