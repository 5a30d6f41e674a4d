import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import { Prisma, type PrismaClient } from "@/lib/db/prisma";
import type { CaseRoute } from "@/lib/domain/case-labels";
import type { CaseState } from "@/lib/domain/case-states";
import { clockFactsFor } from "@/lib/domain/case-clock-facts";
import { mostUrgentClock } from "@/lib/domain/clock-presentation";
import { computeClocks, type Clock } from "@/lib/domain/deadlines";
import { nationFromCode } from "@/lib/domain/nation";
import { jcpReferralMissing } from "@/lib/domain/sro/jcp-referral-missing";
import type { WorkQueueFilters, WorkQueueSort, WorkQueueView } from "@/lib/domain/work-queue/query";
import { recordRestrictedReads } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { loadCalendarForPages } from "../reference/load-calendar";
import { loadDeadlineSettingsForPages } from "../reference/load-deadline-settings";
import { loadSettingsForPages } from "../reference/load-settings";
import { loadStaffAndSitesForPages, siteOfCase, sitesIncluding } from "../reference/load-staff-and-sites";
import { CLOCK_INPUT_COLUMNS, clockRecordOf, type ClockInputColumns } from "./recompute-due-dates";
import { START_NOT_RUNNING, START_RUNNING, workQueueWhereSql } from "./work-queue-where";

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

/**
 * The case columns a queue row shows, and every input of its clocks: one entry per key of
 * CLOCK_INPUT_COLUMNS, so a clock input added there does not compile until it is read here too.
 * Enum columns are read as text, as the dashboard's hand-written queries read them.
 */
const CLOCK_INPUT_SQL: Record<keyof typeof CLOCK_INPUT_COLUMNS, Prisma.Sql> = {
  ruleset: Prisma.sql`c."ruleset"::text AS "ruleset"`,
  state: Prisma.sql`c."state"::text AS "state"`,
  restrictionTier: Prisma.sql`c."restrictionTier"::text AS "restrictionTier"`,
  referralDate: Prisma.sql`c."referralDate"`,
  referralReceivedOn: Prisma.sql`c."referralReceivedOn"`,
  uc452ReceivedOn: Prisma.sql`c."uc452ReceivedOn"`,
  ucpr1ReceivedOn: Prisma.sql`c."ucpr1ReceivedOn"`,
  spocChasedOn: Prisma.sql`c."spocChasedOn"`,
  ucpr1DuplicateRequestedOn: Prisma.sql`c."ucpr1DuplicateRequestedOn"`,
  welcomeCallOn: Prisma.sql`c."welcomeCallOn"`,
  firstMetOn: Prisma.sql`c."firstMetOn"`,
  startedOn: Prisma.sql`c."startedOn"`,
  endedOn: Prisma.sql`c."endedOn"`,
  exitNoticeSentOn: Prisma.sql`c."exitNoticeSentOn"`,
  backOutEmailAt: Prisma.sql`c."backOutEmailAt"`,
  cancelledAt: Prisma.sql`c."cancelledAt"`,
};
const QUEUE_CASE_SELECT = Prisma.sql`c."id", c."reference", c."route"::text AS "route", c."nextDeadlineOn", c."siteId", c."version",
  c."claimantId", c."assignedCaseworkerId", ${Prisma.join(Object.values(CLOCK_INPUT_SQL))}`;
/** The queue's two orders, by stored and indexed due dates. */
const ORDER_KEY = { nextDeadlineOn: Prisma.sql`c."nextDeadlineOn"`, startDueOn: Prisma.sql`c."startDueOn"` } as const;

type QueueCaseRow = ClockInputColumns & {
  id: string;
  reference: string;
  route: CaseRoute;
  nextDeadlineOn: Date | null;
  siteId: string;
  version: number;
  forename: string;
  surname: string;
  caseworkerName: string | null;
};

/**
 * One page of the queue in one statement (docs/decisions/0041-work-queue-in-sql.md): the page's cases
 * are chosen, ordered and paged from "Case" alone, through the indexes that hold the queue's order;
 * only those rows look up their claimant's and caseworker's names. The lookups are LATERAL with
 * LIMIT 1 so that PostgreSQL keeps them as index lookups per row in the generic plan of a prepared
 * statement (docs/decisions/0038-prepared-statements.md), whose LIMIT it does not know: as plain
 * joins that plan hashed all 100,000 claimants (42 ms instead of 0.25 ms on the bench database).
 */
function pageOfCases(prisma: PrismaClient, where: Prisma.Sql, orderBy: keyof typeof ORDER_KEY, skip: number, take: number): Promise<QueueCaseRow[]> {
  const orderKey = ORDER_KEY[orderBy];
  return prisma.$queryRaw<QueueCaseRow[]>`
    SELECT p.*, cl."forename", cl."surname", u."name" AS "caseworkerName"
    FROM (
      SELECT ${QUEUE_CASE_SELECT}, ${orderKey} AS "orderKey"
      FROM "Case" c
      WHERE ${where}
      ORDER BY ${orderKey} ASC NULLS LAST, c."reference" ASC
      LIMIT ${take} OFFSET ${skip}) p
    CROSS JOIN LATERAL (SELECT cl."forename", cl."surname" FROM "Claimant" cl WHERE cl."id" = p."claimantId" LIMIT 1) cl
    LEFT JOIN LATERAL (SELECT u."name" FROM "User" u WHERE u."id" = p."assignedCaseworkerId" LIMIT 1) u ON TRUE
    ORDER BY p."orderKey" ASC NULLS LAST, p."reference" ASC`;
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
  const where = workQueueWhereSql(actor, { view: options.view, filters, today: options.today, search: options.search, ...dueSoonContext });
  // The site's name and nation come from the organisation's sites held per process, not a join per
  // row (docs/decisions/0039-staff-and-sites-per-process.md).
  const sitesLoad = loadStaffAndSitesForPages(prisma, actor.organisationId);
  // Whatever a caller passes, the page is a whole number the database can skip to (IV-01).
  const requestedPage = Number.isSafeInteger(options.page) ? Math.min(Math.max(1, options.page), 100_000) : 1;
  const count = (segment: Prisma.Sql = Prisma.sql`TRUE`) =>
    prisma.$queryRaw<[{ total: number }]>`SELECT count(*)::int AS "total" FROM "Case" c WHERE ${where} AND ${segment}`.then(([row]) => row.total);
  // Stored, indexed due dates: working days remaining order the same way as the dates they count to.
  const byNextDeadline = (page: number) => pageOfCases(prisma, where, "nextDeadlineOn", (page - 1) * pageSize, pageSize);
  const startSegment = (segment: Prisma.Sql, skip: number, take: number) =>
    take <= 0 ? Promise.resolve([]) : pageOfCases(prisma, Prisma.sql`${where} AND ${segment}`, "startDueOn", skip, take);
  let total: number;
  let page: number;
  let cases: QueueCaseRow[];
  if (options.sort === "start-deadline") {
    const [all, runningCount] = await Promise.all([count(), count(START_RUNNING)]);
    total = all;
    page = Math.min(requestedPage, Math.max(1, Math.ceil(total / pageSize)));
    const offset = (page - 1) * pageSize;
    const fromRunning = Math.max(0, Math.min(pageSize, runningCount - offset));
    const [running, rest] = await Promise.all([
      startSegment(START_RUNNING, offset, fromRunning),
      startSegment(START_NOT_RUNNING, Math.max(0, offset - runningCount), pageSize - fromRunning),
    ]);
    cases = [...running, ...rest];
  } else {
    // The count and the requested page are independent: one round trip of wall time (README "Speed
    // at scale", npm run bench). A page past the end (a stale link) is fetched again, clamped.
    const [all, requested] = await Promise.all([count(), byNextDeadline(requestedPage)]);
    total = all;
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
  const rowOf = (row: QueueCaseRow): WorkQueueRow => {
    const site = siteOfCase(siteById, row);
    const nation = nationFromCode(site.nation);
    const clocks = computeClocks(clockFactsFor(clockRecordOf(row, site.nation)), calendar, options.today, options.now, settings, { explain: false });
    return {
      id: row.id,
      reference: row.reference,
      version: row.version,
      claimantName: `${row.forename} ${row.surname}`,
      state: row.state,
      route: row.route,
      restrictionTier: row.restrictionTier,
      siteName: site.name,
      caseworkerName: row.caseworkerName,
      nextDeadlineOn: isoDateFromDb(row.nextDeadlineOn),
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
