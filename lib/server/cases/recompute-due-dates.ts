import type { WorkingDayCalendar } from "@/lib/calendar";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/prisma";
import { clockFactsFor } from "@/lib/domain/case-clock-facts";
import { computeDueDates, type DeadlineSettings, type Ruleset } from "@/lib/domain/deadlines";
import { nationFromCode, type NationCode } from "@/lib/domain/nation";
import { loadDeadlineSettings } from "../reference/load-deadline-settings";

/**
 * The case's own columns the clocks depend on. The site's nation is the other input: a list that
 * holds its sites already (the work queue, the restricted queue and "My cases due", from
 * lib/server/reference/load-staff-and-sites.ts) selects these and calls clockRecordOf; everything
 * else selects CLOCK_INPUT_SELECT.
 */
export const CLOCK_INPUT_COLUMNS = {
  ruleset: true,
  state: true,
  restrictionTier: true,
  referralDate: true,
  referralReceivedOn: true,
  uc452ReceivedOn: true,
  ucpr1ReceivedOn: true,
  spocChasedOn: true,
  ucpr1DuplicateRequestedOn: true,
  welcomeCallOn: true,
  firstMetOn: true,
  startedOn: true,
  endedOn: true,
  exitNoticeSentOn: true,
  backOutEmailAt: true,
  cancelledAt: true,
} as const satisfies Prisma.CaseSelect;

/** The case columns the clocks depend on, with its site's nation (select these, then call dueDateColumnsFor). */
export const CLOCK_INPUT_SELECT = { ...CLOCK_INPUT_COLUMNS, site: { select: { nation: true } } } as const satisfies Prisma.CaseSelect;

export type ClockInputColumns = Prisma.CaseGetPayload<{ select: typeof CLOCK_INPUT_COLUMNS }>;
export type ClockInputRow = Prisma.CaseGetPayload<{ select: typeof CLOCK_INPUT_SELECT }>;

export function clockRecordFromRow(row: ClockInputRow) {
  return clockRecordOf(row, row.site.nation);
}

/** The clock inputs of a case read with CLOCK_INPUT_COLUMNS, and its site's nation. */
export function clockRecordOf(row: ClockInputColumns, siteNation: NationCode) {
  return {
    ruleset: row.ruleset as Ruleset,
    state: row.state,
    restrictionTier: row.restrictionTier,
    nation: nationFromCode(siteNation),
    referralDate: isoDateFromDb(row.referralDate),
    referralReceivedOn: isoDateFromDb(row.referralReceivedOn),
    uc452ReceivedOn: isoDateFromDb(row.uc452ReceivedOn),
    ucpr1ReceivedOn: isoDateFromDb(row.ucpr1ReceivedOn),
    spocChasedOn: isoDateFromDb(row.spocChasedOn),
    ucpr1DuplicateRequestedOn: isoDateFromDb(row.ucpr1DuplicateRequestedOn),
    welcomeCallOn: isoDateFromDb(row.welcomeCallOn),
    firstMetOn: isoDateFromDb(row.firstMetOn),
    startedOn: isoDateFromDb(row.startedOn),
    endedOn: isoDateFromDb(row.endedOn),
    exitNoticeSentOn: isoDateFromDb(row.exitNoticeSentOn),
    backOutEmailAt: row.backOutEmailAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}

/**
 * The stored due-date columns for a case. The ONE function that computes them
 * (docs/architecture.md, "Deadlines are derived from events"): call it after every event that changes a clock input,
 * and for every affected case when the calendar changes.
 */
export function dueDateColumnsFor(row: ClockInputRow, calendar: WorkingDayCalendar, settings?: Partial<DeadlineSettings>) {
  const due = computeDueDates(clockFactsFor(clockRecordFromRow(row)), calendar, settings);
  return {
    formsChaseDueOn: isoDateToDb(due.formsChaseDueOn),
    ucpr1DuplicateDueOn: isoDateToDb(due.ucpr1DuplicateDueOn),
    welcomeCallDueOn: isoDateToDb(due.welcomeCallDueOn),
    meetDueOn: isoDateToDb(due.meetDueOn),
    startDueOn: isoDateToDb(due.startDueOn),
    cancelDueAt: due.cancelDueAt ? new Date(due.cancelDueAt) : null,
    exitNoticeDueOn: isoDateToDb(due.exitNoticeDueOn),
    nextDeadlineOn: isoDateToDb(due.nextDeadlineOn),
  } satisfies Prisma.CaseUpdateInput;
}

/** Recompute and store one case's due dates inside the caller's transaction. */
export async function recomputeDueDates(tx: Prisma.TransactionClient, caseId: string, calendar: WorkingDayCalendar): Promise<void> {
  const row = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: CLOCK_INPUT_SELECT });
  await tx.case.update({ where: { id: caseId }, data: dueDateColumnsFor(row, calendar, await loadDeadlineSettings(tx)) });
}
