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
import { loadCalendar } from "../reference/load-calendar";
import { loadSettings } from "../reference/load-settings";
import { loadDeadlineSettings } from "../reference/load-deadline-settings";
import { assertCan, type UseCaseActor } from "../assert-can";
import { caseWhereVisibleTo } from "./case-visibility";
import { CLOCK_INPUT_SELECT, clockRecordFromRow } from "./recompute-due-dates";

export const WORK_QUEUE_VIEWS = ["mine", "unassigned", "open", "closed", "search"] as const;
export type WorkQueueView = (typeof WORK_QUEUE_VIEWS)[number];
export const WORK_QUEUE_PAGE_SIZE = 25;
/** The audit action of an SCR case shown in a list or search result (LG-01). */
export const LISTED_RESTRICTED_READ_ACTION = "case.restricted_read_listed";
/** Soonest next deadline of any clock, or fewest working days left to the 20-day start target. */
export const WORK_QUEUE_SORTS = ["next-deadline", "start-deadline"] as const;
export type WorkQueueSort = (typeof WORK_QUEUE_SORTS)[number];

export interface WorkQueueRow {
  id: string;
  reference: string;
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
}

const closedStates = [...CLOSED_STATES];
/**
 * Open states as a positive list: `state IN (…open…)` can use the (organisationId, state),
 * (assignedCaseworkerId, state) and (state, …) indexes, where `NOT IN (…closed…)` made PostgreSQL
 * scan every case — at 100,000 cases that was ~15× slower (npm run bench, EXPLAIN ANALYZE).
 */
const openStates = CASE_STATES.filter((state) => !CLOSED_STATES.has(state));

/**
 * Work still to do: an open case, or a closed one whose exit notice is not yet sent — the notice is
 * a task with a clock after the exit (docs/rules/clocks.md "Exit notice"; 3.16, 13.21 note).
 */
const stillToDo: Prisma.CaseWhereInput = { OR: [{ state: { in: openStates } }, { exitNoticeDueOn: { not: null }, exitNoticeSentOn: null }] };

function viewFilter(view: WorkQueueView, actor: UseCaseActor): Prisma.CaseWhereInput {
  switch (view) {
    case "mine":
      return { assignedCaseworkerId: actor.id, ...stillToDo };
    case "unassigned":
      return { assignedCaseworkerId: null, ...stillToDo };
    case "open":
      return stillToDo;
    case "closed":
      return { state: { in: closedStates } };
    case "search":
      return {};
  }
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
 * nextDeadlineOn (indexed), so no working-day arithmetic runs per row in the query; the most
 * urgent clock is computed only for the 25 rows shown.
 */
export async function listWorkQueue(
  prisma: PrismaClient,
  actor: UseCaseActor,
  options: { view: WorkQueueView; sort?: WorkQueueSort; page: number; today: IsoDate; now: Date; search?: string | null },
): Promise<WorkQueuePage> {
  assertCan(actor, "read:case:any");
  const filters = [caseWhereVisibleTo(actor), viewFilter(options.view, actor)];
  if (options.view === "search") filters.push(searchFilter(options.search ?? ""));
  const where: Prisma.CaseWhereInput = { AND: filters };
  // The count, the requested page, the calendar and the settings are independent: one round trip
  // of wall time instead of four (README "Speed at scale", npm run bench). A page past the end (a stale link) is
  // fetched again, clamped.
  // Whatever a caller passes, the page is a whole number the database can skip to (IV-01).
  const requestedPage = Number.isSafeInteger(options.page) ? Math.min(Math.max(1, options.page), 100_000) : 1;
  const pageOf = (page: number) =>
    prisma.case.findMany({
      where,
      // Stored, indexed due dates: working days remaining order the same way as the dates they count to.
      orderBy:
        options.sort === "start-deadline"
          ? [{ startDueOn: { sort: "asc", nulls: "last" } }, { reference: "asc" }]
          : [{ nextDeadlineOn: { sort: "asc", nulls: "last" } }, { reference: "asc" }],
      skip: (page - 1) * WORK_QUEUE_PAGE_SIZE,
      take: WORK_QUEUE_PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        route: true,
        nextDeadlineOn: true,
        ...CLOCK_INPUT_SELECT,
        site: { select: { name: true, nation: true } },
        claimant: { select: { forename: true, surname: true } },
        assignedCaseworker: { select: { name: true } },
      },
    });
  const [total, requested, calendar, settings, sroSettings] = await Promise.all([
    prisma.case.count({ where }),
    pageOf(requestedPage),
    loadCalendar(prisma),
    loadDeadlineSettings(prisma),
    loadSettings(prisma, ["sro.jcpReferralMissingWorkingDays"]),
  ]);
  const totalPages = Math.max(1, Math.ceil(total / WORK_QUEUE_PAGE_SIZE));
  const page = Math.min(requestedPage, totalPages);
  const cases = page === requestedPage ? requested : await pageOf(page);
  // A nominated officer's list or search that shows an SCR case is a read of it: one row per SCR
  // case shown, in one insert, as the restricted queue writes (docs/security.md LG-01).
  await recordRestrictedReads(prisma, actor, cases, LISTED_RESTRICTED_READ_ACTION);
  const clocksOf = (row: (typeof cases)[number]) => {
    const clocks = computeClocks(clockFactsFor(clockRecordFromRow(row)), calendar, options.today, options.now, settings);
    return { urgentClock: mostUrgentClock(clocks), startClock: clocks.find((clock) => clock.id === "start" && clock.state !== "not_applicable") ?? null };
  };
  return {
    total,
    page,
    totalPages,
    rows: cases.map((row) => ({
      id: row.id,
      reference: row.reference,
      claimantName: `${row.claimant.forename} ${row.claimant.surname}`,
      state: row.state,
      route: row.route,
      restrictionTier: row.restrictionTier,
      siteName: row.site.name,
      caseworkerName: row.assignedCaseworker?.name ?? null,
      nextDeadlineOn: row.nextDeadlineOn?.toISOString().slice(0, 10) ?? null,
      ...clocksOf(row),
      jcpReferralMissing: jcpReferralMissing(
        { state: row.state, acceptedOn: isoDateFromDb(row.firstMetOn), nation: nationFromCode(row.site.nation) },
        calendar,
        options.today,
        sroSettings["sro.jcpReferralMissingWorkingDays"],
      ),
    })),
  };
}
