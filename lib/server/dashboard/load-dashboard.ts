import type { WorkingDayCalendar } from "@/lib/calendar";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { nationDisplayName } from "@/lib/calendar/nations";
import { isoDateFromDb } from "@/lib/db/dates";
import { Prisma, type PrismaClient } from "@/lib/db/prisma";
import { ROUTE_LABELS, type CaseRoute } from "@/lib/domain/case-labels";
import { CASE_STATE_LABELS } from "@/lib/domain/case-states";
import { DASHBOARD_ROUTES, type DashboardFilters } from "@/lib/domain/dashboard/filters";
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
  type StartTargetCounts,
} from "@/lib/domain/dashboard/figures";
import { PERIOD_LABELS, firstOfMonth, lastTwelveMonthStarts, monthLabel, periodRange, type DateRange } from "@/lib/domain/dashboard/periods";
import type { AtRiskRow, CaseloadRow, DashboardView, OpenCaseRow, Paged, StartTargetRow, UnassignedRow } from "@/lib/domain/dashboard/view";
import { nationFromCode } from "@/lib/domain/nation";
import { loadCalendar } from "../calendar/load-calendar";
import { assertCan, type UseCaseActor } from "../permission";
import { caseScopeSql, dashboardListWhere, totalsIncludeRestricted, type DashboardScope } from "./dashboard-scope";

export const AT_RISK_PAGE_SIZE = 25;
export const UNASSIGNED_PAGE_SIZE = 50;

type Db = Pick<PrismaClient, "$queryRaw" | "case" | "site" | "user" | "bankHoliday">;

const stateList = (values: readonly string[]) => Prisma.join(values.map((value) => Prisma.sql`${value}::"CaseState"`));
const AWAITING = stateList(AWAITING_START_STATES);
const ENDED_WITHOUT_START = stateList(ENDED_WITHOUT_START_STATES);
const OPEN = stateList(OPEN_STATES);

// ─── The start target (13.13, 3.07) ───────────────────────────────────────────────────────

/** A measured case: started, or its stored start deadline passed while it was still waiting. */
function measuredSql(today: IsoDate): Prisma.Sql {
  return Prisma.sql`c."startDueOn" IS NOT NULL AND (c."startedOn" IS NOT NULL OR (c."startDueOn" < ${today}::date AND c."state" NOT IN (${ENDED_WITHOUT_START})))`;
}

/**
 * The outcome date is in the range. The OR on the two indexed columns lets PostgreSQL use their indexes.
 * `startDueOn >= from` is implied (LEAST(startedOn, startDueOn) <= startDueOn) and makes the range a
 * prefix of the covering index Case_start_target_idx: an index-only scan (issue 6, npm run bench).
 */
function outcomeInSql(range: DateRange): Prisma.Sql {
  return Prisma.sql`c."startDueOn" >= ${range.from}::date AND LEAST(c."startedOn", c."startDueOn") BETWEEN ${range.from}::date AND ${range.to}::date
    AND (c."startedOn" BETWEEN ${range.from}::date AND ${range.to}::date OR c."startDueOn" BETWEEN ${range.from}::date AND ${range.to}::date)`;
}

const START_COUNTS = Prisma.sql`count(*)::int AS "measured",
  count(*) FILTER (WHERE c."startedOn" <= c."startDueOn")::int AS "onTime",
  count(*) FILTER (WHERE c."startedOn" > c."startDueOn")::int AS "startedLate"`;

async function startTargetTotal(db: Db, scope: Prisma.Sql, range: DateRange, today: IsoDate) {
  const [row] = await db.$queryRaw<StartTargetCounts[]>`
    SELECT ${START_COUNTS} FROM "Case" c
    WHERE ${scope} AND ${measuredSql(today)} AND ${outcomeInSql(range)}`;
  return startTargetFigure(row ?? { measured: 0, onTime: 0, startedLate: 0 });
}

type Grouped = StartTargetCounts & { key: string | null; label: string | null };

async function startTargetByMonth(db: Db, scope: Prisma.Sql, today: IsoDate): Promise<StartTargetRow[]> {
  const months = lastTwelveMonthStarts(today);
  const rows = await db.$queryRaw<Grouped[]>`
    SELECT to_char(date_trunc('month', LEAST(c."startedOn", c."startDueOn")), 'YYYY-MM-DD') AS "key", NULL AS "label", ${START_COUNTS}
    FROM "Case" c
    WHERE ${scope} AND ${measuredSql(today)} AND ${outcomeInSql({ from: months[0], to: today })}
    GROUP BY 1`;
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return months.map((month) => ({
    key: month,
    label: monthLabel(month),
    ...startTargetFigure(byKey.get(month) ?? { measured: 0, onTime: 0, startedLate: 0 }),
  }));
}

type Breakdowns = Record<"site" | "caseworker" | "route", StartTargetRow[]>;

/**
 * The period's start target per site, per caseworker and per route in ONE pass over the measured
 * cases (GROUPING SETS), rather than three scans of the same rows.
 */
async function startTargetBreakdowns(db: Db, scope: Prisma.Sql, range: DateRange, today: IsoDate): Promise<Breakdowns> {
  const rows = await db.$queryRaw<(Grouped & { dimension: "site" | "caseworker" | "route" })[]>`
    SELECT
      CASE WHEN GROUPING(s."id") = 0 THEN 'site' WHEN GROUPING(u."id") = 0 THEN 'caseworker' ELSE 'route' END AS "dimension",
      COALESCE(s."id"::text, u."id"::text, c."route"::text) AS "key",
      COALESCE(s."name", u."name") AS "label",
      ${START_COUNTS}
    FROM "Case" c
      JOIN "Site" s ON s."id" = c."siteId"
      LEFT JOIN "User" u ON u."id" = c."assignedCaseworkerId"
    WHERE ${scope} AND ${measuredSql(today)} AND ${outcomeInSql(range)}
    GROUP BY GROUPING SETS ((s."id", s."name"), (u."id", u."name"), (c."route"))`;
  const result: Breakdowns = { site: [], caseworker: [], route: [] };
  for (const row of rows) {
    const label = row.dimension === "route" ? ROUTE_LABELS[row.key as CaseRoute] : row.dimension === "caseworker" && row.key === null ? "Unassigned" : (row.label ?? "");
    result[row.dimension].push({ key: row.key ?? "unassigned", label, ...startTargetFigure(row) });
  }
  const byLabel = (a: StartTargetRow, b: StartTargetRow) => (a.key === "unassigned" ? 1 : b.key === "unassigned" ? -1 : a.label.localeCompare(b.label, "en-GB"));
  result.site.sort(byLabel);
  result.caseworker.sort(byLabel);
  // Routes in the order the guidance introduces them (the enum's order).
  const routeOrder = Object.keys(ROUTE_LABELS);
  result.route.sort((a, b) => routeOrder.indexOf(a.key) - routeOrder.indexOf(b.key));
  return result;
}

// ─── Open cases: at risk, other clocks, caseload (as of today) ───────────────────────────

interface OpenTotals {
  openTotal: number;
  unassignedTotal: number;
  awaitingStartTotal: number;
  missedTotal: number;
  atRiskTotal: number;
  meetingsMissed: number;
  ucpr1ChasesDue: number;
  cancellationsPending: number;
  cancellationsOverdue: number;
}

/** Working-day cut-offs per nation, computed once per request (not per row). */
function atRiskCutoffs(calendar: WorkingDayCalendar, today: IsoDate) {
  return {
    england_and_wales: calendar.addWorkingDays(today, AT_RISK_WINDOW_WORKING_DAYS, "england-and-wales"),
    scotland: calendar.addWorkingDays(today, AT_RISK_WINDOW_WORKING_DAYS, "scotland"),
    northern_ireland: calendar.addWorkingDays(today, AT_RISK_WINDOW_WORKING_DAYS, "northern-ireland"),
  };
}

async function openTotals(db: Db, scope: Prisma.Sql, calendar: WorkingDayCalendar, today: IsoDate, now: Date): Promise<OpenTotals> {
  const cutoff = atRiskCutoffs(calendar, today);
  const [row] = await db.$queryRaw<OpenTotals[]>`
    SELECT
      count(*)::int AS "openTotal",
      count(*) FILTER (WHERE c."assignedCaseworkerId" IS NULL)::int AS "unassignedTotal",
      count(*) FILTER (WHERE c."state" IN (${AWAITING}) AND c."startedOn" IS NULL AND c."startDueOn" IS NOT NULL)::int AS "awaitingStartTotal",
      count(*) FILTER (WHERE c."state" IN (${AWAITING}) AND c."startedOn" IS NULL AND c."startDueOn" < ${today}::date)::int AS "missedTotal",
      count(*) FILTER (WHERE c."state" IN (${AWAITING}) AND c."startedOn" IS NULL AND c."startDueOn" >= ${today}::date
        AND c."startDueOn" <= CASE s."nation"
          WHEN 'scotland' THEN ${cutoff.scotland}::date
          WHEN 'northern_ireland' THEN ${cutoff.northern_ireland}::date
          ELSE ${cutoff.england_and_wales}::date END)::int AS "atRiskTotal",
      count(*) FILTER (WHERE c."meetDueOn" < ${today}::date AND c."firstMetOn" IS NULL)::int AS "meetingsMissed",
      count(*) FILTER (WHERE c."ucpr1ChaseDueOn" <= ${today}::date AND c."spocChasedOn" IS NULL
        AND (c."uc452ReceivedOn" IS NULL OR c."ucpr1ReceivedOn" IS NULL))::int AS "ucpr1ChasesDue",
      count(*) FILTER (WHERE c."state" = 'backed_out' AND c."cancelDueAt" IS NOT NULL AND c."cancelledAt" IS NULL)::int AS "cancellationsPending",
      count(*) FILTER (WHERE c."state" = 'backed_out' AND c."cancelDueAt" < ${now} AND c."cancelledAt" IS NULL)::int AS "cancellationsOverdue"
    FROM "Case" c JOIN "Site" s ON s."id" = c."siteId"
    WHERE ${scope} AND c."state" IN (${OPEN})`;
  return row;
}

async function caseloadBy(db: Db, scope: Prisma.Sql, by: "site" | "caseworker"): Promise<CaseloadRow[]> {
  const rows =
    by === "site"
      ? await db.$queryRaw<{ key: string; label: string; open: number; unassigned: number }[]>`
        SELECT s."id"::text AS "key", s."name" AS "label", count(*)::int AS "open",
          count(*) FILTER (WHERE c."assignedCaseworkerId" IS NULL)::int AS "unassigned"
        FROM "Case" c JOIN "Site" s ON s."id" = c."siteId"
        WHERE ${scope} AND c."state" IN (${OPEN})
        GROUP BY s."id", s."name" ORDER BY s."name"`
      : await db.$queryRaw<{ key: string; label: string; open: number; unassigned: number }[]>`
        SELECT u."id"::text AS "key", u."name" AS "label", count(*)::int AS "open", 0 AS "unassigned"
        FROM "Case" c JOIN "User" u ON u."id" = c."assignedCaseworkerId"
        WHERE ${scope} AND c."state" IN (${OPEN})
        GROUP BY u."id", u."name" ORDER BY u."name"`;
  return rows.map((row) => ({ key: row.key, label: row.label, open: Number(row.open), unassigned: Number(row.unassigned) }));
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
  ucpr1ChaseDueOn: true,
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

function atRiskWhere(actor: UseCaseActor, filters: DashboardFilters): Prisma.CaseWhereInput {
  return { AND: [dashboardListWhere(actor, filters), { state: { in: [...AWAITING_START_STATES] }, startedOn: null, startDueOn: { not: null } }] };
}

function toAtRiskRow(row: ListRow, calendar: WorkingDayCalendar, today: IsoDate): AtRiskRow {
  const startDueOn = isoDateFromDb(row.startDueOn) as IsoDate;
  const workingDaysLeft = calendar.workingDaysBetween(today, startDueOn, nationFromCode(row.site.nation));
  const risk = startRisk(workingDaysLeft, startDueOn, today);
  return {
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
    nextAction: nextActionDue({
      meetDueOn: isoDateFromDb(row.meetDueOn),
      initialAssessmentOn: isoDateFromDb(row.initialAssessmentOn),
      firstMetOn: isoDateFromDb(row.firstMetOn),
      ucpr1ChaseDueOn: isoDateFromDb(row.ucpr1ChaseDueOn),
      uc452ReceivedOn: isoDateFromDb(row.uc452ReceivedOn),
      ucpr1ReceivedOn: isoDateFromDb(row.ucpr1ReceivedOn),
      spocChasedOn: isoDateFromDb(row.spocChasedOn),
      welcomeCallDueOn: isoDateFromDb(row.welcomeCallDueOn),
      welcomeCallOn: isoDateFromDb(row.welcomeCallOn),
    }),
  };
}

/** At risk and projected breaches: open cases not yet started, fewest working days left first. */
export async function listAtRisk(
  db: Db,
  actor: UseCaseActor,
  filters: DashboardFilters,
  today: IsoDate,
  options: { page: number; pageSize: number; calendar?: WorkingDayCalendar },
): Promise<Paged<AtRiskRow>> {
  const where = atRiskWhere(actor, filters);
  const total = await db.case.count({ where });
  const page = clampPage(options.page, total, options.pageSize);
  const rows = await db.case.findMany({
    where,
    // The stored, indexed start deadline orders cases exactly as working days left would.
    orderBy: [{ startDueOn: "asc" }, { reference: "asc" }],
    skip: (page - 1) * options.pageSize,
    take: options.pageSize,
    select: ROW_SELECT,
  });
  const calendar = options.calendar ?? (await loadCalendar(db));
  return paged(rows.map((row) => toAtRiskRow(row, calendar, today)), total, page, options.pageSize);
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
  options: { page: number; pageSize: number; calendar?: WorkingDayCalendar },
): Promise<Paged<UnassignedRow>> {
  const where: Prisma.CaseWhereInput = { AND: [dashboardListWhere(actor, filters), { state: { in: [...OPEN_STATES] }, assignedCaseworkerId: null }] };
  const total = await db.case.count({ where });
  const page = clampPage(options.page, total, options.pageSize);
  const rows = await db.case.findMany({
    where,
    orderBy: [{ referralDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { reference: "asc" }],
    skip: (page - 1) * options.pageSize,
    take: options.pageSize,
    select: ROW_SELECT,
  });
  const calendar = options.calendar ?? (await loadCalendar(db));
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

async function funnelTotals(db: Db, scope: Prisma.Sql, range: DateRange): Promise<FunnelTotals> {
  const [row] = await db.$queryRaw<FunnelTotals[]>`
    SELECT
      count(*)::int AS "referred",
      count(*) FILTER (WHERE c."firstMetOn" IS NOT NULL OR c."startedOn" IS NOT NULL)::int AS "assessed",
      count(*) FILTER (WHERE c."startedOn" IS NOT NULL OR EXISTS (
        SELECT 1 FROM "InitialAssessment" ia WHERE ia."caseId" = c."id" AND ia."outcome" = 'recommended'))::int AS "recommended",
      count(*) FILTER (WHERE c."startedOn" IS NOT NULL)::int AS "started",
      count(*) FILTER (WHERE c."state" = 'completed')::int AS "completed",
      count(*) FILTER (WHERE c."state" = 'left_early')::int AS "leftEarly",
      count(*) FILTER (WHERE c."state" = 'rejected')::int AS "rejected",
      count(*) FILTER (WHERE c."state" = 'cancelled')::int AS "cancelled",
      count(*) FILTER (WHERE c."state" = 'not_suitable')::int AS "notSuitable",
      count(*) FILTER (WHERE c."state" = 'backed_out')::int AS "backedOut"
    FROM "Case" c
    WHERE ${scope} AND c."referralDate" BETWEEN ${range.from}::date AND ${range.to}::date`;
  return row;
}

async function reasonCounts(db: Db, scope: Prisma.Sql, range: DateRange, state: "rejected" | "cancelled" | "left_early"): Promise<CountRow[]> {
  const rows = await db.$queryRaw<{ key: string | null; label: string | null; count: number }[]>`
    SELECT r."id"::text AS "key", r."label" AS "label", count(*)::int AS "count"
    FROM "Case" c LEFT JOIN "Reason" r ON r."id" = c."closureReasonId"
    WHERE ${scope} AND c."referralDate" BETWEEN ${range.from}::date AND ${range.to}::date AND c."state" = ${state}::"CaseState"
    GROUP BY r."id", r."label" ORDER BY count(*) DESC, r."label" NULLS LAST`;
  return rows.map((row) => ({ key: row.key ?? "none", label: row.label ?? "No reason recorded", count: Number(row.count) }));
}

// ─── The dashboard ────────────────────────────────────────────────────────────────────────

function scope(actor: UseCaseActor, filters: DashboardFilters, which: DashboardScope) {
  return caseScopeSql(actor, filters, which);
}

/**
 * Every figure on the manager dashboard (issue 6), aggregated in the database from the stored
 * due dates (indexed); working days are counted only for the rows displayed. Headline totals
 * count SCR cases; nothing else does (decision 0005).
 */
export async function loadDashboard(prisma: PrismaClient, actor: UseCaseActor, filters: DashboardFilters, today: IsoDate, options: { atRiskPage?: number; now?: Date } = {}): Promise<DashboardView> {
  assertCan(actor, "read:dashboard:any");
  const now = options.now ?? new Date();
  const period = periodRange(filters.period, today);
  const thisMonth = { from: firstOfMonth(today), to: today };
  const totals = scope(actor, filters, "totals");
  const lists = scope(actor, filters, "list");
  const calendar = await loadCalendar(prisma);

  const [
    sites,
    caseworkers,
    thisMonthFigure,
    periodFigure,
    byMonth,
    breakdowns,
    open,
    caseloadBySite,
    caseloadByCaseworker,
    atRisk,
    unassigned,
    funnel,
    rejectionReasons,
    cancellationReasons,
    earlyLeaverReasons,
  ] = await Promise.all([
    prisma.site.findMany({ where: { organisationId: actor.organisationId }, select: { id: true, name: true, nation: true }, orderBy: { name: "asc" } }),
    prisma.user.findMany({
      where: { organisationId: actor.organisationId, roles: { hasSome: ["caseworker", "nominated_officer"] } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    startTargetTotal(prisma, totals, thisMonth, today),
    startTargetTotal(prisma, totals, period, today),
    startTargetByMonth(prisma, lists, today),
    startTargetBreakdowns(prisma, lists, period, today),
    openTotals(prisma, totals, calendar, today, now),
    caseloadBy(prisma, lists, "site"),
    caseloadBy(prisma, lists, "caseworker"),
    listAtRisk(prisma, actor, filters, today, { page: options.atRiskPage ?? 1, pageSize: AT_RISK_PAGE_SIZE, calendar }),
    listUnassigned(prisma, actor, filters, today, { page: 1, pageSize: UNASSIGNED_PAGE_SIZE, calendar }),
    funnelTotals(prisma, totals, period),
    reasonCounts(prisma, lists, period, "rejected"),
    reasonCounts(prisma, lists, period, "cancelled"),
    reasonCounts(prisma, lists, period, "left_early"),
  ]);

  return {
    today,
    filters,
    period: { ...period, label: PERIOD_LABELS[filters.period] },
    thisMonth: { ...thisMonth, label: monthLabel(thisMonth.from) },
    totalsIncludeRestricted: totalsIncludeRestricted(actor, filters),
    options: {
      sites: sites.map((site) => ({ id: site.id, name: site.name, nationName: nationDisplayName(nationFromCode(site.nation)) })),
      caseworkers,
      routes: DASHBOARD_ROUTES.map((value) => ({ value, label: ROUTE_LABELS[value] })),
    },
    startTarget: { thisMonth: thisMonthFigure, period: periodFigure, byMonth, bySite: breakdowns.site, byCaseworker: breakdowns.caseworker, byRoute: breakdowns.route },
    atRisk: { ...atRisk, missedTotal: open.missedTotal, atRiskTotal: open.atRiskTotal, awaitingStartTotal: open.awaitingStartTotal },
    clocks: {
      meetingsMissed: open.meetingsMissed,
      ucpr1ChasesDue: open.ucpr1ChasesDue,
      cancellationsPending: open.cancellationsPending,
      cancellationsOverdue: open.cancellationsOverdue,
    },
    caseload: { openTotal: open.openTotal, unassignedTotal: open.unassignedTotal, bySite: caseloadBySite, byCaseworker: caseloadByCaseworker, unassigned },
    funnel: {
      stages: [
        { key: "referred", label: "Referred", count: funnel.referred },
        { key: "assessed", label: "Assessed (Initial Assessment or first meeting held)", count: funnel.assessed },
        { key: "recommended", label: "Recommended", count: funnel.recommended },
        { key: "started", label: "Started", count: funnel.started },
      ],
      outcomes: [
        { key: "completed", label: "Completed", count: funnel.completed },
        { key: "left_early", label: "Left early", count: funnel.leftEarly },
        { key: "rejected", label: "Rejected", count: funnel.rejected },
        { key: "not_suitable", label: "Not suitable", count: funnel.notSuitable },
        { key: "backed_out", label: "Backed out (cancellation pending)", count: funnel.backedOut },
        { key: "cancelled", label: "Cancelled (did not start)", count: funnel.cancelled },
      ],
      rejectionReasons,
      cancellationReasons,
      earlyLeaverReasons,
    },
  };
}
