import { can } from "@/lib/domain/permissions";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { clockFactsFor } from "@/lib/domain/case-clock-facts";
import { CLOSED_STATES, isClosedState, type CaseState } from "@/lib/domain/case-states";
import { computeClocks, type Clock } from "@/lib/domain/deadlines";
import { scrMarking, sl2ReturnDue, type Sl2ReturnDue } from "@/lib/domain/scr/sl2";
import { recordRestrictedReads } from "../audit/record-audit";
import { nationFromCode } from "@/lib/domain/nation";
import { jcpReferralMissing } from "@/lib/domain/sro/jcp-referral-missing";
import { loadCalendarForPages } from "../reference/load-calendar";
import { loadSettingsForPages } from "../reference/load-settings";
import { caseWhereVisibleTo } from "../cases/case-visibility";
import { CLOCK_INPUT_COLUMNS, clockRecordOf } from "../cases/recompute-due-dates";
import { loadStaffAndSitesForPages, siteOfCase, sitesIncluding } from "../reference/load-staff-and-sites";
import type { UseCaseActor } from "../assert-can";
import { loadDeadlineSettingsForPages } from "../reference/load-deadline-settings";
import { compareByStartDeadline } from "@/lib/domain/work-queue/start-order";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";

/**
 * The nominated officer's queue (docs/rules/restricted-cases.md): SCR cases (open first, each with
 * its 20-working-day start clock from the SL2 received date), MAPPA cases whose restrictions are
 * still to record (13.59, 13.68–13.70), and SL2 returns due (13.55–13.56).
 *
 * Only nominated officers have a queue; for anyone else it does not exist (NOT_FOUND, as the page's
 * 404). Audit (LG-01, decided here): the queue shows each SCR case's name and reference, so every
 * view writes ONE restricted-read row PER SCR CASE LISTED (action "case.restricted_read_listed"),
 * which puts the listing in that case's own access log. The MAPPA rows read only the case record
 * that caseworkers may see too (13.71) and whether its annex has restrictions — not the annex —
 * so they write nothing.
 */

/** How many closed SCR cases the queue lists (most recent first); open ones are all listed. */
export const CLOSED_SCR_CASES_SHOWN = 25;

export interface ScrQueueRow {
  id: string;
  reference: string;
  claimantName: string;
  state: CaseState;
  marking: string;
  siteName: string;
  sl2ReceivedOn: IsoDate | null;
  startClock: Clock | null;
  returnDue: Sl2ReturnDue | null;
  closed: boolean;
  /** An accepted SRO introduction still without JCP's PRaP referral (lib/domain/sro/jcp-referral-missing.ts). */
  jcpReferralMissing: boolean;
}

export interface MappaQueueRow {
  id: string;
  reference: string;
  claimantName: string;
  state: CaseState;
  siteName: string;
  /** The annex exists (e.g. the MAPPA J arrived) but holds no restrictions yet. */
  annexStarted: boolean;
}

/** An intake that matched an SCR case's NINO, for a nominated officer to merge, keep or close (AC-02). */
export interface PossibleDuplicateRow {
  alertId: string;
  version: number;
  raisedAt: string;
  newCase: { id: string; reference: string; claimantName: string; route: string };
  scrCase: { id: string; reference: string; claimantName: string };
}

export interface RestrictedQueue {
  possibleDuplicates: PossibleDuplicateRow[];
  openScrCases: ScrQueueRow[];
  closedScrCases: ScrQueueRow[];
  mappaRestrictionsToRecord: MappaQueueRow[];
  sl2ReturnsDue: ScrQueueRow[];
}

export async function getRestrictedQueue(prisma: PrismaClient, actor: UseCaseActor, clock: { today: IsoDate; now: Date }): Promise<RestrictedQueue> {
  if (!can(actor.roles, "read:restricted-case:any")) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const closedStates = [...CLOSED_STATES];
  const scrSelect = {
    id: true,
    reference: true,
    ...CLOCK_INPUT_COLUMNS,
    siteId: true,
    claimant: { select: { forename: true, surname: true } },
    sl2: { select: { receivedOn: true, page1ReturnedOn: true, referralFormReturnedOn: true, markingOverride: true } },
  } as const;
  const scrWhere = (open: boolean) => ({
    AND: [caseWhereVisibleTo(actor), { restrictionTier: "scr" as const }, { state: open ? { notIn: closedStates } : { in: closedStates } }],
  });
  const duplicateCase = { select: { id: true, reference: true, route: true, restrictionTier: true, claimant: { select: { forename: true, surname: true } } } } as const;
  const [duplicates, open, closed, mappa] = await Promise.all([
    prisma.scrDuplicateAlert.findMany({
      where: { organisationId: actor.organisationId, resolvedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, version: true, createdAt: true, case: duplicateCase, scrCase: duplicateCase },
    }),
    prisma.case.findMany({ where: scrWhere(true), orderBy: [{ startDueOn: { sort: "asc", nulls: "last" } }, { reference: "asc" }], select: scrSelect }),
    prisma.case.findMany({ where: scrWhere(false), orderBy: [{ closedAt: { sort: "desc", nulls: "last" } }, { reference: "desc" }], take: CLOSED_SCR_CASES_SHOWN, select: scrSelect }),
    prisma.case.findMany({
      where: {
        AND: [
          caseWhereVisibleTo(actor),
          { restrictionTier: "mappa" },
          { state: { notIn: closedStates } },
          { OR: [{ mappaAnnex: { is: null } }, { mappaAnnex: { is: { restrictions: null } } }] },
        ],
      },
      orderBy: [{ mappaMarkedAt: { sort: "asc", nulls: "last" } }, { reference: "asc" }],
      select: { id: true, reference: true, state: true, siteId: true, claimant: { select: { forename: true, surname: true } }, mappaAnnex: { select: { id: true } } },
    }),
  ]);

  // The calendar and settings as every page reads them: once per process (docs/decisions/0031-per-request-and-per-process-caches.md);
  // the sites' names and nations likewise (docs/decisions/0039-staff-and-sites-per-process.md).
  const [calendar, settings, { "sro.jcpReferralMissingWorkingDays": missingAfter }, heldSites] = await Promise.all([
    loadCalendarForPages(prisma),
    loadDeadlineSettingsForPages(prisma),
    loadSettingsForPages(prisma, ["sro.jcpReferralMissingWorkingDays"]),
    loadStaffAndSitesForPages(prisma, actor.organisationId),
  ]);
  const sites = await sitesIncluding(prisma, heldSites, [...open, ...closed, ...mappa].map((row) => row.siteId));
  const toRow = (row: (typeof open)[number]): ScrQueueRow => {
    const site = siteOfCase(sites, row);
    const clocks = computeClocks(clockFactsFor(clockRecordOf(row, site.nation)), calendar, clock.today, clock.now, settings, { explain: false });
    return {
      id: row.id,
      reference: row.reference,
      claimantName: `${row.claimant.forename} ${row.claimant.surname}`,
      state: row.state,
      marking: scrMarking(row.ruleset, row.sl2?.markingOverride ?? null),
      siteName: site.name,
      sl2ReceivedOn: isoDateFromDb(row.sl2?.receivedOn ?? row.referralDate),
      startClock: clocks.find((c) => c.id === "start" && c.state !== "not_applicable") ?? null,
      returnDue: sl2ReturnDue({
        state: row.state,
        page1ReturnedOn: isoDateFromDb(row.sl2?.page1ReturnedOn ?? null),
        referralFormReturnedOn: isoDateFromDb(row.sl2?.referralFormReturnedOn ?? null),
      }),
      closed: isClosedState(row.state),
      jcpReferralMissing: jcpReferralMissing({ state: row.state, acceptedOn: isoDateFromDb(row.firstMetOn), nation: nationFromCode(site.nation) }, calendar, clock.today, missingAfter),
    };
  };
  // Start clocks still running first, fewest working days left (most overdue) first; then met or
  // not running (lib/domain/work-queue/start-order.ts, 13.13, 3.07).
  const openScrCases = open.map(toRow).sort(compareByStartDeadline);
  const closedScrCases = closed.map(toRow);

  const listedDuplicates = duplicates.flatMap((alert) => [alert.case, alert.scrCase]);
  const listed = new Map([...open, ...closed, ...listedDuplicates].map((row) => [row.id, row]));
  await recordRestrictedReads(prisma, actor, [...listed.values()], "case.restricted_read_listed");

  return {
    possibleDuplicates: duplicates.map((alert) => ({
      alertId: alert.id,
      version: alert.version,
      raisedAt: alert.createdAt.toISOString(),
      newCase: { id: alert.case.id, reference: alert.case.reference, claimantName: `${alert.case.claimant.forename} ${alert.case.claimant.surname}`, route: alert.case.route },
      scrCase: { id: alert.scrCase.id, reference: alert.scrCase.reference, claimantName: `${alert.scrCase.claimant.forename} ${alert.scrCase.claimant.surname}` },
    })),
    openScrCases,
    closedScrCases,
    mappaRestrictionsToRecord: mappa.map((row) => ({
      id: row.id,
      reference: row.reference,
      claimantName: `${row.claimant.forename} ${row.claimant.surname}`,
      state: row.state,
      siteName: siteOfCase(sites, row).name,
      annexStarted: row.mappaAnnex !== null,
    })),
    sl2ReturnsDue: [...openScrCases, ...closedScrCases].filter((row) => row.returnDue !== null),
  };
}
