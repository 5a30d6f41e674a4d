import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import { Prisma, type PrismaClient } from "@/lib/db/prisma";
import { ROUTE_LABELS, type CaseRoute } from "@/lib/domain/case-labels";
import { CASE_STATE_LABELS, type CaseState } from "@/lib/domain/case-states";
import { FIGURE_LABELS, STRAND_LABELS, figureKind, type DrillDown } from "@/lib/domain/dashboard/drill-down";
import { AT_RISK_WINDOW_WORKING_DAYS, AWAITING_START_STATES, ENDED_WITHOUT_START_STATES, OPEN_STATES } from "@/lib/domain/dashboard/figures";
import { lastOfMonth, periodRange, type DateRange } from "@/lib/domain/dashboard/periods";
import type { FigureCaseRow, Paged } from "@/lib/domain/dashboard/view";
import { loadCalendar } from "../reference/load-calendar";
import { assertCan, type UseCaseActor } from "../assert-can";
import { caseScopeSql } from "./dashboard-scope";

type Db = Pick<PrismaClient, "$queryRaw" | "bankHoliday" | "setting">;

const stateList = (values: readonly string[]) => Prisma.join(values.map((value) => Prisma.sql`${value}::"CaseState"`));
const AWAITING = stateList(AWAITING_START_STATES);
const ENDED_WITHOUT_START = stateList(ENDED_WITHOUT_START_STATES);
const OPEN = stateList(OPEN_STATES);

const FUNNEL_STATE: Partial<Record<DrillDown["figure"], CaseState>> = {
  completed: "completed",
  "left-early": "left_early",
  rejected: "rejected",
  "not-suitable": "not_suitable",
  "backed-out": "backed_out",
  cancelled: "cancelled",
};

/** The date range a drill-down covers: its month (a row of the start target by month), else the period. */
export function drillDownRange(drillDown: DrillDown, today: IsoDate): DateRange {
  if (drillDown.month) {
    const end = lastOfMonth(drillDown.month);
    return { from: drillDown.month, to: end < today ? end : today };
  }
  return periodRange(drillDown.period, today);
}

/**
 * Which cases a figure counts, as SQL over `"Case" c JOIN "Site" s` — the same conditions as the
 * dashboard's aggregations in load-dashboard.ts (docs/rules/clocks.md#the-20-working-day-start-measure;
 * 13.13, 13.14, 13.17, 13.35, 13.67, 3.07, 3.15). The integration tests pin each count to its list.
 */
async function figureWhere(db: Db, drillDown: DrillDown, today: IsoDate, now: Date): Promise<Prisma.Sql> {
  const range = drillDownRange(drillDown, today);
  const inRange = (column: Prisma.Sql) => Prisma.sql`${column} BETWEEN ${range.from}::date AND ${range.to}::date`;
  // The same condition as load-dashboard.ts: a closure with no recorded moment stays measured.
  const leftBeforeDeadline = Prisma.sql`(c."startedOn" IS NULL AND c."state" IN (${ENDED_WITHOUT_START}) AND c."closedAt" IS NOT NULL AND (c."closedAt" AT TIME ZONE 'Europe/London')::date < c."startDueOn")`;
  const measured = Prisma.sql`c."startDueOn" IS NOT NULL AND (c."startedOn" IS NOT NULL OR c."startDueOn" < ${today}::date) AND NOT ${leftBeforeDeadline} AND ${inRange(Prisma.sql`c."startDueOn"`)}`;
  const notStarted = Prisma.sql`c."state" IN (${AWAITING}) AND c."startedOn" IS NULL`;
  const referred = inRange(Prisma.sql`c."referralDate"`);
  const funnelState = FUNNEL_STATE[drillDown.figure];
  let where: Prisma.Sql;
  switch (drillDown.figure) {
    case "open":
      where = Prisma.sql`c."state" IN (${OPEN})`;
      break;
    case "unassigned":
      where = Prisma.sql`c."state" IN (${OPEN}) AND c."assignedCaseworkerId" IS NULL`;
      break;
    case "awaiting-start":
      where = Prisma.sql`${notStarted} AND c."startDueOn" IS NOT NULL`;
      break;
    case "start-missed":
      where = Prisma.sql`${notStarted} AND c."startDueOn" < ${today}::date`;
      break;
    case "at-risk": {
      const calendar = await loadCalendar(db);
      const cutoff = (nation: Parameters<typeof calendar.addWorkingDays>[2]) => calendar.addWorkingDays(today, AT_RISK_WINDOW_WORKING_DAYS, nation);
      where = Prisma.sql`${notStarted} AND c."startDueOn" >= ${today}::date AND c."startDueOn" <= CASE s."nation"
        WHEN 'scotland' THEN ${cutoff("scotland")}::date
        WHEN 'northern_ireland' THEN ${cutoff("northern-ireland")}::date
        ELSE ${cutoff("england-and-wales")}::date END`;
      break;
    }
    case "meetings-missed":
      where = Prisma.sql`c."state" IN (${OPEN}) AND c."meetDueOn" < ${today}::date AND c."firstMetOn" IS NULL`;
      break;
    case "forms-chases-due":
      where = Prisma.sql`c."state" IN (${OPEN}) AND c."formsChaseDueOn" <= ${today}::date AND c."spocChasedOn" IS NULL AND (c."uc452ReceivedOn" IS NULL OR c."ucpr1ReceivedOn" IS NULL)`;
      break;
    case "ucpr1-duplicates-due":
      where = Prisma.sql`c."state" IN (${OPEN}) AND c."ucpr1DuplicateDueOn" <= ${today}::date AND c."ucpr1DuplicateRequestedOn" IS NULL AND c."ucpr1ReceivedOn" IS NULL`;
      break;
    case "cancellations-pending":
      where = Prisma.sql`c."state" = 'backed_out' AND c."cancelDueAt" IS NOT NULL AND c."cancelledAt" IS NULL`;
      break;
    case "cancellations-overdue":
      where = Prisma.sql`c."state" = 'backed_out' AND c."cancelDueAt" < ${now} AND c."cancelledAt" IS NULL`;
      break;
    case "on-provision":
      where = Prisma.sql`c."state" = 'started'::"CaseState"`;
      break;
    case "measured":
      where = measured;
      break;
    case "on-time":
      where = Prisma.sql`${measured} AND c."startedOn" <= c."startDueOn"`;
      break;
    case "started-late":
      where = Prisma.sql`${measured} AND c."startedOn" > c."startDueOn"`;
      break;
    case "missed-not-started":
      where = Prisma.sql`${measured} AND c."startedOn" IS NULL`;
      break;
    case "left-before-deadline":
      where = Prisma.sql`${inRange(Prisma.sql`c."startDueOn"`)} AND ${leftBeforeDeadline}`;
      break;
    case "starts":
      where = inRange(Prisma.sql`c."startedOn"`);
      break;
    case "referred":
      where = referred;
      break;
    case "assessed":
      where = Prisma.sql`${referred} AND (c."firstMetOn" IS NOT NULL OR c."startedOn" IS NOT NULL)`;
      break;
    case "recommended":
      where = Prisma.sql`${referred} AND (c."startedOn" IS NOT NULL OR EXISTS (SELECT 1 FROM "InitialAssessment" ia WHERE ia."caseId" = c."id" AND ia."outcome" = 'recommended'))`;
      break;
    case "started":
      where = Prisma.sql`${referred} AND c."startedOn" IS NOT NULL`;
      break;
    default:
      where = Prisma.sql`${referred} AND c."state" = ${funnelState as string}::"CaseState"`;
  }
  const parts = [where];
  if (drillDown.unassigned) parts.push(Prisma.sql`c."assignedCaseworkerId" IS NULL`);
  if (drillDown.state) parts.push(Prisma.sql`c."state" = ${drillDown.state}::"CaseState"`);
  if (drillDown.reason) parts.push(drillDown.reason === "none" ? Prisma.sql`c."closureReasonId" IS NULL` : Prisma.sql`c."closureReasonId" = ${drillDown.reason}::uuid`);
  if (drillDown.strand) parts.push(drillDown.strand === "none" ? Prisma.sql`c."strand" IS NULL` : Prisma.sql`c."strand" = ${drillDown.strand}::"Strand"`);
  return Prisma.join(parts, " AND ");
}

interface RawRow {
  id: string;
  reference: string;
  state: CaseState;
  route: CaseRoute;
  strand: "sesmp" | "sessb" | null;
  referralDate: Date | null;
  startDueOn: Date | null;
  startedOn: Date | null;
  nextDeadlineOn: Date | null;
  siteName: string;
  forename: string;
  surname: string;
  caseworkerName: string | null;
  total: number;
}

/**
 * The cases behind one dashboard count (a drill-down), one page at a time, soonest next deadline
 * first — in the list scope: never an SCR case, whoever asks (docs/decisions/0005-restricted-cases-in-manager-figures.md).
 * With the same filters, the list's total is the figure shown on the dashboard for every breakdown,
 * and for every headline total that has no SCR case in it.
 */
export async function listFigureCases(
  db: Db,
  actor: UseCaseActor,
  drillDown: DrillDown,
  today: IsoDate,
  options: { page: number; pageSize: number; now?: Date },
): Promise<Paged<FigureCaseRow> & { title: string; range: DateRange | null }> {
  assertCan(actor, "read:dashboard:any");
  const { figure, month: _month, unassigned: _unassigned, state: _state, reason: _reason, strand: _strand, ...filters } = drillDown;
  const where = await figureWhere(db, drillDown, today, options.now ?? new Date());
  const scope = caseScopeSql(actor, filters, "list");
  // The matching cases are selected first from "Case" (and its site, for the at-risk cut-off per
  // nation), counted, ordered and paged; only the page is joined to its claimant and caseworker
  // (joining every match first cost 0.8 s for "referred, all time" at 100,000 cases).
  const fetch = (page: number) => db.$queryRaw<RawRow[]>`
    WITH matching AS MATERIALIZED (
      SELECT c."id", c."reference", c."nextDeadlineOn"
      FROM "Case" c JOIN "Site" s ON s."id" = c."siteId"
      WHERE ${scope} AND ${where})
    SELECT c."id", c."reference", c."state"::text AS "state", c."route"::text AS "route", c."strand"::text AS "strand",
      c."referralDate", c."startDueOn", c."startedOn", c."nextDeadlineOn",
      s."name" AS "siteName", cl."forename", cl."surname", u."name" AS "caseworkerName", p."total"
    FROM (
      SELECT m.*, count(*) OVER ()::int AS "total"
      FROM matching m
      ORDER BY m."nextDeadlineOn" ASC NULLS LAST, m."reference" ASC
      LIMIT ${options.pageSize} OFFSET ${(page - 1) * options.pageSize}) p
    JOIN "Case" c ON c."id" = p."id"
    JOIN "Site" s ON s."id" = c."siteId"
    JOIN "Claimant" cl ON cl."id" = c."claimantId"
    LEFT JOIN "User" u ON u."id" = c."assignedCaseworkerId"
    ORDER BY p."nextDeadlineOn" ASC NULLS LAST, p."reference" ASC`;
  let page = Math.max(1, Math.floor(options.page) || 1);
  let raw = await fetch(page);
  if (raw.length === 0 && page > 1) {
    // Past the end (a stale link): the last page, as the dashboard's own lists do.
    const first = await fetch(1);
    page = Math.max(1, Math.ceil((first[0]?.total ?? 0) / options.pageSize));
    raw = page === 1 ? first : await fetch(page);
  }
  const total = raw[0]?.total ?? 0;
  const rows: FigureCaseRow[] = raw.map((row) => ({
    id: row.id,
    reference: row.reference,
    claimantName: `${row.forename} ${row.surname}`,
    stateLabel: CASE_STATE_LABELS[row.state],
    routeLabel: ROUTE_LABELS[row.route],
    strandLabel: row.strand ? STRAND_LABELS[row.strand] : null,
    siteName: row.siteName,
    caseworkerName: row.caseworkerName,
    referralDate: isoDateFromDb(row.referralDate),
    startDueOn: isoDateFromDb(row.startDueOn),
    startedOn: isoDateFromDb(row.startedOn),
    nextDeadlineOn: isoDateFromDb(row.nextDeadlineOn),
  }));
  return {
    rows,
    total,
    page,
    pageSize: options.pageSize,
    totalPages: Math.max(1, Math.ceil(total / options.pageSize)),
    title: FIGURE_LABELS[figure],
    range: figureKind(figure) === "today" ? null : drillDownRange(drillDown, today),
  };
}
