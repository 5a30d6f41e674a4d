import type { IsoDate } from "@/lib/calendar/iso-date";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { caseReferenceFromSearch } from "@/lib/domain/case-reference";
import { CASE_STATES, CLOSED_STATES, type CaseState } from "@/lib/domain/case-states";
import { clockFactsFor } from "@/lib/domain/case-clock-facts";
import { mostUrgentClock } from "@/lib/domain/clock-presentation";
import { computeClocks, type Clock } from "@/lib/domain/deadlines";
import { recordRestrictedReads } from "../audit/record-audit";
import { nationFromCode } from "@/lib/domain/nation";
import { jcpReferralMissing } from "@/lib/domain/sro/jcp-referral-missing";
import { isoDateFromDb } from "@/lib/db/dates";
import { loadCalendarForPages } from "../reference/load-calendar";
import { loadSettingsForPages } from "../reference/load-settings";
import { loadDeadlineSettingsForPages } from "../reference/load-deadline-settings";
import { assertCan, type UseCaseActor } from "../assert-can";
import { caseWhereVisibleTo } from "./case-visibility";
import { STILL_TO_DO } from "./still-to-do";
import { CLOCK_INPUT_COLUMNS, clockRecordOf } from "./recompute-due-dates";
import { loadStaffAndSitesForPages, siteOfCase, sitesIncluding } from "../reference/load-staff-and-sites";
import { isoDateToDb } from "@/lib/db/dates";
import { NATIONS } from "@/lib/calendar/nations";
import type { WorkingDayCalendar } from "@/lib/calendar";
import { nationToCode } from "@/lib/domain/nation";
import type { WorkQueueFilters, WorkQueueSort, WorkQueueView } from "@/lib/domain/work-queue/query";

export { WORK_QUEUE_SORTS, WORK_QUEUE_VIEWS, type WorkQueueSort, type WorkQueueView } from "@/lib/domain/work-queue/query";
export const WORK_QUEUE_PAGE_SIZE = 25;
/** The audit action of an SCR case shown in a list or search result (LG-01). */
export const LISTED_RESTRICTED_READ_ACTION = "case.restricted_read_listed";

export interface WorkQueueRow {
  id: string;
  reference: string;
  /** The case's version when listed: bulk reassignment refuses a case changed since (optimistic concurrency). */
  version: number;
  claimantName: string;
  state: CaseState;
  route: string;
  restrictionTier: "none" | "mappa" | "scr";
  siteName: string;
  caseworkerName: string | null;
  nextDeadlineOn: IsoDate | null;
  urgentClock: Clock | null;
  startClock: Clock | null;
  /** An accepted SRO introduction still without JCP's PRaP referral (lib/domain/sro/jcp-referral-missing.ts). */
  jcpReferralMissing: boolean;
}

export interface WorkQueuePage {
  rows: WorkQueueRow[];
  total: number;
  page: number;
  totalPages: number;
  pageSize: number;
}

const closedStates = [...CLOSED_STATES];
/**
 * Open states as a positive list: `state IN (…open…)` can use the (organisationId, state),
 * (assignedCaseworkerId, state) and (state, …) indexes, where `NOT IN (…closed…)` made PostgreSQL
 * scan every case — at 100,000 cases that was ~15× slower (npm run bench, EXPLAIN ANALYZE).
 */
const openStates = CASE_STATES.filter((state) => !CLOSED_STATES.has(state));

function viewFilter(view: WorkQueueView, actor: UseCaseActor): Prisma.CaseWhereInput {
  switch (view) {
    case "mine":
      return { assignedCaseworkerId: actor.id, ...STILL_TO_DO };
    case "unassigned":
      return { assignedCaseworkerId: null, ...STILL_TO_DO };
    case "open":
      return STILL_TO_DO;
    case "closed":
      return { state: { in: closedStates } };
    case "search":
      return {};
  }
}

/** The start clock still runs: not started, the case open, a start due date stored (13.13, 3.07). */
const startRunning: Prisma.CaseWhereInput = { startedOn: null, startDueOn: { not: null }, state: { in: openStates } };
const startNotRunning: Prisma.CaseWhereInput = { OR: [{ startedOn: { not: null } }, { startDueOn: null }, { state: { in: closedStates } }] };

/**
 * The MoJ filters (lib/domain/work-queue/query.ts), as a where that is ANDed with THE visibility
 * rule: a filter can narrow what a user sees, never widen it (a caseworker's marker=scr finds nothing).
 * "Due soon" is the next deadline from today to the end of the Settings window, counted in each
 * site nation's working days (docs/rules/clocks.md "Due soon").
 */
export function workQueueFilterWhere(
  filters: WorkQueueFilters,
  context: { today: IsoDate; calendar?: WorkingDayCalendar; dueSoonWorkingDays?: number },
): Prisma.CaseWhereInput[] {
  const clauses: Prisma.CaseWhereInput[] = [];
  if (filters.state) clauses.push({ state: filters.state });
  if (filters.site) clauses.push({ siteId: filters.site });
  if (filters.caseworker) clauses.push({ assignedCaseworkerId: filters.caseworker });
  if (filters.route) clauses.push({ route: filters.route });
  if (filters.ruleset) clauses.push({ ruleset: filters.ruleset });
  if (filters.marker) clauses.push({ restrictionTier: filters.marker });
  if (filters.clock === "overdue") clauses.push({ nextDeadlineOn: { lt: isoDateToDb(context.today) } });
  if (filters.clock === "start-running") clauses.push(startRunning);
  if (filters.clock === "start-missed") clauses.push({ ...startRunning, startDueOn: { lt: isoDateToDb(context.today) } });
  if (filters.clock === "due-soon" && context.calendar) {
    const calendar = context.calendar;
    const window = context.dueSoonWorkingDays ?? 3;
    clauses.push({
      OR: NATIONS.map((nation) => ({
        site: { nation: nationToCode(nation) },
        nextDeadlineOn: { gte: isoDateToDb(context.today), lte: isoDateToDb(calendar.addWorkingDays(context.today, window, nation)) },
      })),
    });
  }
  return clauses;
}

/**
 * Search by name, NINO, purchase order number or case reference. The term arrives in
 * a POST body, never a URL (docs/security.md HD-05); the visibility rule still applies around it.
 */
export function searchFilter(term: string): Prisma.CaseWhereInput {
  const trimmed = term.trim();
  const compact = trimmed.replace(/\s+/g, "").toUpperCase();
  const clauses: Prisma.CaseWhereInput[] = [];
  if (/^\d{9}$/.test(compact)) clauses.push({ prapReferrals: { some: { purchaseOrderNumber: compact } } });
  if (/^[A-Z]{2}\d{6}[A-D]$/.test(compact)) clauses.push({ claimant: { nino: compact } });
  const reference = caseReferenceFromSearch(compact);
  if (reference) clauses.push({ reference });
  const words = trimmed.split(/\s+/).filter((word) => word.length >= 2).slice(0, 3);
  if (words.length > 0) {
    clauses.push({
      AND: words.map((word) => ({
        OR: [
          { claimant: { surname: { contains: word, mode: "insensitive" as const } } },
          { claimant: { forename: { contains: word, mode: "insensitive" as const } } },
        ],
      })),
    });
  }
  return clauses.length > 0 ? { OR: clauses } : { id: { in: [] } };
}

/**
 * The caseworker's work queue, soonest deadline first (docs/rules/clocks.md). Sorting uses the stored
 * nextDeadlineOn / startDueOn (indexed), so no working-day arithmetic runs per row in the query; the most
 * urgent clock is computed only for the rows shown. Only the columns shown are read.
 *
 * "Start within 20 working days" lists the cases whose start clock still runs first, fewest working
 * days left (most overdue) first, then those met, closed or not running (lib/domain/work-queue/start-order.ts):
 * two ordered segments, paged across, because a stored due date of a met clock is kept (reports).
 */
export async function listWorkQueue(
  prisma: PrismaClient,
  actor: UseCaseActor,
  options: {
    view: WorkQueueView;
    sort?: WorkQueueSort;
    page: number;
    pageSize?: number;
    filters?: WorkQueueFilters;
    today: IsoDate;
    now: Date;
    search?: string | null;
  },
): Promise<WorkQueuePage> {
  assertCan(actor, "read:case:any");
  const pageSize = options.pageSize === 50 ? 50 : WORK_QUEUE_PAGE_SIZE;
  const filters = options.filters ?? {};
  // The calendar and settings are needed before the query only for the "due soon" filter.
  const calendarLoad = loadCalendarForPages(prisma);
  const settingsLoad = loadDeadlineSettingsForPages(prisma);
  const dueSoonContext =
    filters.clock === "due-soon" ? { calendar: await calendarLoad, dueSoonWorkingDays: (await settingsLoad).dueSoonWorkingDays } : {};
  const clauses = [caseWhereVisibleTo(actor), viewFilter(options.view, actor), ...workQueueFilterWhere(filters, { today: options.today, ...dueSoonContext })];
  if (options.view === "search") clauses.push(searchFilter(options.search ?? ""));
  const where: Prisma.CaseWhereInput = { AND: clauses };
  // The site's name and nation come from the organisation's sites held per process, not a join per
  // row (docs/decisions/0039-staff-and-sites-per-process.md).
  const sitesLoad = loadStaffAndSitesForPages(prisma, actor.organisationId);
  const select = {
    id: true,
    reference: true,
    route: true,
    nextDeadlineOn: true,
    ...CLOCK_INPUT_COLUMNS,
    siteId: true,
    claimant: { select: { forename: true, surname: true } },
    assignedCaseworker: { select: { name: true } },
    version: true,
  } as const satisfies Prisma.CaseSelect;
  // Whatever a caller passes, the page is a whole number the database can skip to (IV-01).
  const requestedPage = Number.isSafeInteger(options.page) ? Math.min(Math.max(1, options.page), 100_000) : 1;
  const byNextDeadline = (page: number) =>
    prisma.case.findMany({
      where,
      // Stored, indexed due dates: working days remaining order the same way as the dates they count to.
      orderBy: [{ nextDeadlineOn: { sort: "asc", nulls: "last" } }, { reference: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select,
    });
  const startSegment = (segment: Prisma.CaseWhereInput, skip: number, take: number) =>
    take <= 0
      ? Promise.resolve([])
      : prisma.case.findMany({
          where: { AND: [where, segment] },
          orderBy: [{ startDueOn: { sort: "asc", nulls: "last" } }, { reference: "asc" }],
          skip,
          take,
          select,
        });
  let total: number;
  let page: number;
  let cases: Awaited<ReturnType<typeof byNextDeadline>>;
  if (options.sort === "start-deadline") {
    const [count, runningCount] = await Promise.all([prisma.case.count({ where }), prisma.case.count({ where: { AND: [where, startRunning] } })]);
    total = count;
    page = Math.min(requestedPage, Math.max(1, Math.ceil(total / pageSize)));
    const offset = (page - 1) * pageSize;
    const fromRunning = Math.max(0, Math.min(pageSize, runningCount - offset));
    const [running, rest] = await Promise.all([
      startSegment(startRunning, offset, fromRunning),
      startSegment(startNotRunning, Math.max(0, offset - runningCount), pageSize - fromRunning),
    ]);
    cases = [...running, ...rest];
  } else {
    // The count and the requested page are independent: one round trip of wall time (README "Speed
    // at scale", npm run bench). A page past the end (a stale link) is fetched again, clamped.
    const [count, requested] = await Promise.all([prisma.case.count({ where }), byNextDeadline(requestedPage)]);
    total = count;
    page = Math.min(requestedPage, Math.max(1, Math.ceil(total / pageSize)));
    cases = page === requestedPage ? requested : await byNextDeadline(page);
  }
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const [calendar, settings, sroSettings, heldSites] = await Promise.all([
    calendarLoad,
    settingsLoad,
    loadSettingsForPages(prisma, ["sro.jcpReferralMissingWorkingDays"]),
    sitesLoad,
  ]);
  const siteById = await sitesIncluding(prisma, heldSites, cases.map((row) => row.siteId));
  // A nominated officer's list or search that shows an SCR case is a read of it: one row per SCR
  // case shown, in one insert, as the restricted queue writes (docs/security.md LG-01).
  await recordRestrictedReads(prisma, actor, cases, LISTED_RESTRICTED_READ_ACTION);
  const rowOf = (row: (typeof cases)[number]): WorkQueueRow => {
    const site = siteOfCase(siteById, row);
    const nation = nationFromCode(site.nation);
    const clocks = computeClocks(clockFactsFor(clockRecordOf(row, site.nation)), calendar, options.today, options.now, settings, { explain: false });
    return {
      id: row.id,
      reference: row.reference,
      version: row.version,
      claimantName: `${row.claimant.forename} ${row.claimant.surname}`,
      state: row.state,
      route: row.route,
      restrictionTier: row.restrictionTier,
      siteName: site.name,
      caseworkerName: row.assignedCaseworker?.name ?? null,
      nextDeadlineOn: row.nextDeadlineOn?.toISOString().slice(0, 10) ?? null,
      urgentClock: mostUrgentClock(clocks),
      startClock: clocks.find((clock) => clock.id === "start" && clock.state !== "not_applicable") ?? null,
      jcpReferralMissing: jcpReferralMissing(
        { state: row.state, acceptedOn: isoDateFromDb(row.firstMetOn), nation },
        calendar,
        options.today,
        sroSettings["sro.jcpReferralMissingWorkingDays"],
      ),
    };
  };
  return { total, page, totalPages, pageSize, rows: cases.map(rowOf) };
}
