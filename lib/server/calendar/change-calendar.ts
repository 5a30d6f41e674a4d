import { createWorkingDayCalendar, type WorkingDayCalendar } from "@/lib/calendar";
import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/prisma";
import { nationFromCode, type NationCode } from "@/lib/domain/nation";
import { recomputeAllDueDates } from "../cases/recompute-all-due-dates";
import { enqueueJob } from "../jobs/enqueue-job";
import { JOB } from "../jobs/job-names";
import { canQueueJobs } from "../jobs/queue-available";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";
import { SUMMARY_SELECT, summaryFrom, type BankHolidaySummary } from "./bank-holiday-summary";

/**
 * The steps every change to the bank-holiday calendar shares (docs/rules/clocks.md). An
 * administrator adds, changes and removes a nation's holidays and confirms the computed ones
 * (Scotland and Northern Ireland 2016). The calendar is global — every organisation counts working
 * days in the same UK calendars — so these use-cases are not scoped to the actor's organisation,
 * and a change recomputes the stored due dates of every case in the nations it touches, in the
 * same transaction as the change and its audit row (docs/architecture.md: deadlines are derived
 * from events; docs/security.md LG-02).
 */

export const BANK_HOLIDAY_ENTITY_TYPE = "BankHoliday";

/** Recomputing a nation's cases is one UPDATE per case: allow for a large caseload. */
export const RECOMPUTE_TRANSACTION = { timeout: 120_000, maxWait: 10_000 } as const;

export interface CalendarChangeResult {
  /**
   * Cases whose stored due dates were recomputed in the request (every case, open or closed, in
   * the nations affected), or null when the recompute was queued for the worker instead.
   */
  recomputedCases: number | null;
  /** True when the recompute went to the job queue (`calendar:recompute-due-dates`). */
  recomputeQueued: boolean;
}

/** What the audit row records of a holiday (before and/or after a change). */
export function auditSnapshot(holiday: Pick<BankHolidaySummary, "nation" | "date" | "title" | "notes" | "computed">) {
  return { nation: holiday.nation, date: holiday.date, title: holiday.title, notes: holiday.notes, computed: holiday.computed };
}

export const duplicateDate = () =>
  new UseCaseError("CONFLICT", "This nation already has a bank holiday on that date", {
    date: "This nation already has a bank holiday on that date",
  });

/**
 * The calendar as this transaction sees it, built from its own rows. Deliberately not
 * loadCalendar's process-wide cache: its key (row count + latest updatedAt) can repeat for
 * different calendars — two concurrent deletes of different rows, or a delete in a transaction
 * that later rolls back — and a due date recomputed from the wrong calendar would be stored.
 */
async function calendarInTransaction(tx: Prisma.TransactionClient): Promise<WorkingDayCalendar> {
  const rows = await tx.bankHoliday.findMany({ select: { nation: true, date: true, title: true, computed: true } });
  return createWorkingDayCalendar(
    rows.map((row) => ({ nation: nationFromCode(row.nation), date: isoDateFromDb(row.date), title: row.title, computed: row.computed })),
  );
}

/** Recompute every case in the given nations against the calendar after the change. */
export async function recomputeNations(tx: Prisma.TransactionClient, nations: readonly NationCode[]): Promise<number> {
  const calendar = await calendarInTransaction(tx);
  let recomputed = 0;
  for (const nation of new Set(nations)) recomputed += await recomputeAllDueDates(tx, calendar, { nation });
  return recomputed;
}

/** The job key of a nation's recompute: one per nation, so changes to two nations never replace each other. */
export function recomputeJobKey(nation: NationCode): string {
  return `recompute-due-dates:${nation}`;
}

/**
 * After a calendar change, in its transaction: with a job queue, enqueue one recompute per nation
 * (`replace` mode — a queued recompute is replaced, a running one is followed by a new one, so the
 * last run always sees the latest calendar) and leave the due dates to the worker; without one
 * (the embedded database), recompute inline. Either way the job exists exactly when the change
 * commits (docs/decisions/0022-background-jobs.md).
 */
export async function recomputeAfterChange(tx: Prisma.TransactionClient, nations: readonly NationCode[]): Promise<CalendarChangeResult> {
  if (!(await canQueueJobs(tx))) return { recomputedCases: await recomputeNations(tx, nations), recomputeQueued: false };
  for (const nation of new Set(nations)) {
    await enqueueJob(tx, JOB.recomputeDueDates, { nations: [nation] }, { jobKey: recomputeJobKey(nation), keyMode: "replace" });
  }
  return { recomputedCases: null, recomputeQueued: true };
}

export async function findBankHolidayForChange(tx: Prisma.TransactionClient, bankHolidayId: string): Promise<BankHolidaySummary> {
  const row = await tx.bankHoliday.findUnique({ where: { id: bankHolidayId }, select: SUMMARY_SELECT });
  if (!row) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return summaryFrom(row);
}
