import { can } from "@/lib/domain/permissions";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { clockFactsFor } from "@/lib/domain/case-clock-facts";
import { clockTagColour, clockTagText, mostUrgentClock, type ClockTagColour } from "@/lib/domain/clock-presentation";
import { endOfWeek } from "@/lib/domain/dashboard/periods";
import { computeClocks, type Clock } from "@/lib/domain/deadlines";
import { recordRestrictedReads } from "../audit/record-audit";
import { loadCalendarForPages } from "../reference/load-calendar";
import { caseWhereVisibleTo } from "../cases/case-visibility";
import { STILL_TO_DO } from "../cases/still-to-do";
import { CLOCK_INPUT_COLUMNS, clockRecordOf } from "../cases/recompute-due-dates";
import { loadStaffAndSitesForPages, siteOfCase, sitesIncluding } from "../reference/load-staff-and-sites";
import { loadDeadlineSettingsForPages } from "../reference/load-deadline-settings";
import type { UseCaseActor } from "../assert-can";

export const MY_CASES_DUE_LIMIT = 50;

export interface MyCaseDue {
  id: string;
  reference: string;
  claimantName: string;
  nextDeadlineOn: IsoDate;
  clockLabel: string | null;
  tagText: string | null;
  tagColour: ClockTagColour | null;
  /** The most urgent open clock, for the one urgency tag (components/cases/UrgencyTag.tsx). */
  clock: Clock | null;
  overdue: boolean;
}

export interface MyCasesDue {
  rows: MyCaseDue[];
  total: number;
  weekEndsOn: IsoDate;
}

/**
 * A caseworker's "My cases due this week": open cases assigned to them whose next
 * deadline (stored, indexed nextDeadlineOn) falls on or before Sunday of this week — overdue
 * ones first, because they have the earliest dates. The clock tag is computed only for the
 * rows shown. The visibility rule applies as everywhere.
 */
export async function listMyCasesDueThisWeek(prisma: PrismaClient, actor: UseCaseActor, today: IsoDate, now: Date): Promise<MyCasesDue> {
  const weekEndsOn = endOfWeek(today);
  if (!can(actor.roles, "read:case:any")) return { rows: [], total: 0, weekEndsOn };
  const where = {
    AND: [caseWhereVisibleTo(actor), {
        assignedCaseworkerId: actor.id,
        // An open case, or a closed one whose exit notice is still to send (docs/rules/clocks.md "Exit notice").
        ...STILL_TO_DO,
        nextDeadlineOn: { lte: isoDateToDb(weekEndsOn) },
      }],
  };
  const [total, cases] = await Promise.all([
    prisma.case.count({ where }),
    prisma.case.findMany({
      where,
      orderBy: [{ nextDeadlineOn: "asc" }, { reference: "asc" }],
      take: MY_CASES_DUE_LIMIT,
      select: { id: true, reference: true, nextDeadlineOn: true, claimant: { select: { forename: true, surname: true } }, ...CLOCK_INPUT_COLUMNS, siteId: true },
    }),
  ]);
  if (cases.length === 0) return { rows: [], total, weekEndsOn };
  // An SCR case shown to its nominated officer here is a restricted read, as in every list (LG-01).
  await recordRestrictedReads(prisma, actor, cases, "case.restricted_read_listed");
  // The calendar and settings as every page reads them: once per process (docs/decisions/0031-per-request-and-per-process-caches.md).
  // The sites' nations from the organisation's sites held per process (docs/decisions/0039-staff-and-sites-per-process.md).
  const [calendar, settings, heldSites] = await Promise.all([
    loadCalendarForPages(prisma),
    loadDeadlineSettingsForPages(prisma),
    loadStaffAndSitesForPages(prisma, actor.organisationId),
  ]);
  const sites = await sitesIncluding(prisma, heldSites, cases.map((row) => row.siteId));
  return {
    total,
    weekEndsOn,
    rows: cases.map((row) => {
      const clock = mostUrgentClock(computeClocks(clockFactsFor(clockRecordOf(row, siteOfCase(sites, row).nation)), calendar, today, now, settings, { explain: false }));
      const nextDeadlineOn = isoDateFromDb(row.nextDeadlineOn) as IsoDate;
      return {
        id: row.id,
        reference: row.reference,
        claimantName: `${row.claimant.forename} ${row.claimant.surname}`,
        nextDeadlineOn,
        clockLabel: clock?.label ?? null,
        tagText: clock ? clockTagText(clock) : null,
        tagColour: clock ? clockTagColour(clock) : null,
        clock,
        overdue: nextDeadlineOn < today,
      };
    }),
  };
}
