import { createWorkingDayCalendar, type WorkingDayCalendar } from "@/lib/calendar";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { BankHolidayVersionInput, CreateBankHolidayInput, UpdateBankHolidayInput } from "@/lib/domain/forms/bank-holiday-forms";
import { recordId } from "@/lib/domain/forms/fields";
import { nationFromCode, type NationCode } from "@/lib/domain/nation";
import { recordAudit } from "../audit/record-audit";
import { recomputeAllDueDates } from "../cases/recompute-all-due-dates";
import { loadDeadlineSettings } from "../reference/load-deadline-settings";
import { CLOCK_INPUT_SELECT, dueDateColumnsFor } from "../cases/recompute-due-dates";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "../use-case-error";

/**
 * An administrator maintains the bank-holiday calendar (issue 3): adds, changes and removes a
 * nation's holidays and confirms the computed ones (Scotland and Northern Ireland 2016). The
 * calendar is global — every organisation counts working days in the same UK calendars — so
 * these use-cases are not scoped to the actor's organisation, and a change recomputes the stored
 * due dates of every case in the nations it touches, in the same transaction as the change and
 * its audit row (design.md "Deadlines are derived from events"; security.md LG-02).
 */

const ENTITY_TYPE = "BankHoliday";

/** Recomputing a nation's cases is one UPDATE per case: allow for a large caseload. */
const RECOMPUTE_TRANSACTION = { timeout: 120_000, maxWait: 10_000 } as const;

export interface BankHolidaySummary {
  id: string;
  nation: NationCode;
  date: IsoDate;
  title: string;
  notes: string | null;
  computed: boolean;
  version: number;
}

const SUMMARY_SELECT = {
  id: true,
  nation: true,
  date: true,
  title: true,
  notes: true,
  computed: true,
  version: true,
} as const satisfies Prisma.BankHolidaySelect;

function summaryFrom(row: Prisma.BankHolidayGetPayload<{ select: typeof SUMMARY_SELECT }>): BankHolidaySummary {
  return { ...row, date: isoDateFromDb(row.date) };
}

/** What the audit row records of a holiday (before and/or after a change). */
function auditSnapshot(holiday: Pick<BankHolidaySummary, "nation" | "date" | "title" | "notes" | "computed">) {
  return { nation: holiday.nation, date: holiday.date, title: holiday.title, notes: holiday.notes, computed: holiday.computed };
}

const duplicateDate = () =>
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
async function recomputeNations(tx: Prisma.TransactionClient, nations: readonly NationCode[]): Promise<number> {
  const calendar = await calendarInTransaction(tx);
  let recomputed = 0;
  for (const nation of new Set(nations)) recomputed += await recomputeAllDueDates(tx, calendar, { nation });
  return recomputed;
}

async function findForChange(tx: Prisma.TransactionClient, bankHolidayId: string): Promise<BankHolidaySummary> {
  const row = await tx.bankHoliday.findUnique({ where: { id: bankHolidayId }, select: SUMMARY_SELECT });
  if (!row) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return summaryFrom(row);
}

export interface CalendarChangeResult {
  /** Cases whose stored due dates were recomputed (every case, open or closed, in the nations affected). */
  recomputedCases: number;
}

export async function createBankHoliday(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: CreateBankHolidayInput,
): Promise<CalendarChangeResult & { bankHolidayId: string }> {
  assertCan(actor, "manage:calendar:any");
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.bankHoliday.create({
        data: { nation: input.nation, date: isoDateToDb(input.date), title: input.title, notes: input.notes },
        select: { id: true },
      });
      const recomputedCases = await recomputeNations(tx, [input.nation]);
      await recordAudit(tx, actor, {
        action: "bankHoliday.created",
        entityType: ENTITY_TYPE,
        entityId: created.id,
        after: { ...auditSnapshot({ ...input, computed: false }), recomputedCases },
      });
      return { bankHolidayId: created.id, recomputedCases };
    }, RECOMPUTE_TRANSACTION);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateDate();
    throw error;
  }
}

/**
 * Change a holiday's nation, date, name or notes (optimistic concurrency on `version`). Due
 * dates are recomputed only when the nation or date moved — a new name changes no deadline — and
 * for both nations when it moved between them.
 */
export async function updateBankHoliday(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: UpdateBankHolidayInput,
): Promise<CalendarChangeResult & { datesChanged: boolean }> {
  assertCan(actor, "manage:calendar:any");
  const { bankHolidayId, version, ...fields } = input;
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await findForChange(tx, bankHolidayId);
      const updated = await tx.bankHoliday.updateMany({
        where: { id: bankHolidayId, version },
        data: { nation: fields.nation, date: isoDateToDb(fields.date), title: fields.title, notes: fields.notes, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
      const datesChanged = before.nation !== fields.nation || before.date !== fields.date;
      const recomputedCases = datesChanged ? await recomputeNations(tx, [before.nation, fields.nation]) : 0;
      await recordAudit(tx, actor, {
        action: "bankHoliday.updated",
        entityType: ENTITY_TYPE,
        entityId: bankHolidayId,
        before: auditSnapshot(before),
        after: { ...auditSnapshot({ ...fields, computed: before.computed }), recomputedCases },
      });
      return { recomputedCases, datesChanged };
    }, RECOMPUTE_TRANSACTION);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateDate();
    throw error;
  }
}

export async function removeBankHoliday(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: BankHolidayVersionInput,
): Promise<CalendarChangeResult & { removed: BankHolidaySummary }> {
  assertCan(actor, "manage:calendar:any");
  return prisma.$transaction(async (tx) => {
    const before = await findForChange(tx, input.bankHolidayId);
    const deleted = await tx.bankHoliday.deleteMany({ where: { id: input.bankHolidayId, version: input.version } });
    if (deleted.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
    const recomputedCases = await recomputeNations(tx, [before.nation]);
    await recordAudit(tx, actor, {
      action: "bankHoliday.removed",
      entityType: ENTITY_TYPE,
      entityId: input.bankHolidayId,
      before: auditSnapshot(before),
      after: { recomputedCases },
    });
    return { recomputedCases, removed: before };
  }, RECOMPUTE_TRANSACTION);
}

/**
 * An administrator confirms a date computed from the statutory rules (Scotland and Northern
 * Ireland 2016) against an official source. The date itself does not change, so no due date can
 * move and nothing is recomputed; only the "computed" flag clears.
 */
export async function confirmBankHoliday(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: BankHolidayVersionInput,
): Promise<{ confirmed: BankHolidaySummary }> {
  assertCan(actor, "manage:calendar:any");
  return prisma.$transaction(async (tx) => {
    const before = await findForChange(tx, input.bankHolidayId);
    if (!before.computed) throw new UseCaseError("INVALID", "This bank holiday has already been confirmed.");
    const updated = await tx.bankHoliday.updateMany({
      where: { id: input.bankHolidayId, version: input.version, computed: true },
      data: { computed: false, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
    await recordAudit(tx, actor, {
      action: "bankHoliday.confirmed",
      entityType: ENTITY_TYPE,
      entityId: input.bankHolidayId,
      before: auditSnapshot(before),
      after: auditSnapshot({ ...before, computed: false }),
    });
    return { confirmed: { ...before, computed: false, version: before.version + 1 } };
  });
}

// ---- Reads for the pages ------------------------------------------------------------------

const NATION_ORDER: readonly NationCode[] = ["england_and_wales", "scotland", "northern_ireland"];

function yearRange(year: number) {
  return { gte: isoDateToDb(`${String(year).padStart(4, "0")}-01-01`), lte: isoDateToDb(`${String(year).padStart(4, "0")}-12-31`) };
}

/** One year's holidays, optionally for one nation, in nation then date order. */
export async function listBankHolidays(
  prisma: PrismaClient,
  actor: UseCaseActor,
  filter: { year: number; nation?: NationCode },
): Promise<BankHolidaySummary[]> {
  assertCan(actor, "manage:calendar:any");
  const rows = await prisma.bankHoliday.findMany({
    where: { date: yearRange(filter.year), ...(filter.nation ? { nation: filter.nation } : {}) },
    orderBy: [{ date: "asc" }],
    select: SUMMARY_SELECT,
  });
  return rows
    .map(summaryFrom)
    .sort((a, b) => NATION_ORDER.indexOf(a.nation) - NATION_ORDER.indexOf(b.nation) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface NationCoverage {
  nation: NationCode;
  /** Calendar years with at least one holiday loaded, ascending: the years the calendar covers. */
  years: number[];
  /** Holidays computed from the statutory rules and not yet confirmed. */
  computedToConfirm: number;
}

/**
 * Which years each nation's calendar covers (docs/decisions/0003-calendar-coverage.md: a year
 * with no rows for a nation is not covered, and deadlines counted through it are provisional).
 */
export async function calendarCoverage(prisma: PrismaClient, actor: UseCaseActor): Promise<NationCoverage[]> {
  assertCan(actor, "manage:calendar:any");
  const rows = await prisma.bankHoliday.findMany({ select: { nation: true, date: true, computed: true } });
  return NATION_ORDER.map((nation) => {
    const own = rows.filter((row) => row.nation === nation);
    const years = [...new Set(own.map((row) => Number(isoDateFromDb(row.date).slice(0, 4))))].sort((a, b) => a - b);
    return { nation, years, computedToConfirm: own.filter((row) => row.computed).length };
  });
}

export async function getBankHoliday(prisma: PrismaClient, actor: UseCaseActor, bankHolidayId: string): Promise<BankHolidaySummary> {
  assertCan(actor, "manage:calendar:any");
  // A malformed id in the URL is simply not found (and never reaches a uuid column as an error).
  if (!recordId.safeParse(bankHolidayId).success) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const row = await prisma.bankHoliday.findUnique({ where: { id: bankHolidayId }, select: SUMMARY_SELECT });
  if (!row) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return summaryFrom(row);
}

export interface RemovalImpact {
  holiday: BankHolidaySummary;
  /** Open cases at sites in the holiday's nation. */
  openCasesInNation: number;
  /** Of those, the cases at least one of whose due dates would move if the holiday were removed. */
  openCasesMoving: number;
  /** The holiday is the nation's only one loaded for its year: removing it uncovers the year. */
  lastInYear: boolean;
}

/**
 * What removing a holiday would do, for the check-your-answers page: each open case in the
 * nation is computed against the calendar with and without the holiday, so the count is exact
 * as of now (it is a preview: the removal itself recomputes from the calendar it commits).
 */
export async function removalImpact(prisma: PrismaClient, actor: UseCaseActor, bankHolidayId: string): Promise<RemovalImpact> {
  const holiday = await getBankHoliday(prisma, actor, bankHolidayId);
  const rows = await prisma.bankHoliday.findMany({ select: { id: true, nation: true, date: true, title: true, computed: true } });
  const toCalendarRow = (row: (typeof rows)[number]) => ({
    nation: nationFromCode(row.nation),
    date: isoDateFromDb(row.date),
    title: row.title,
    computed: row.computed,
  });
  const withHoliday = createWorkingDayCalendar(rows.map(toCalendarRow));
  const withoutHoliday = createWorkingDayCalendar(rows.filter((row) => row.id !== holiday.id).map(toCalendarRow));
  const year = holiday.date.slice(0, 4);
  const lastInYear = !rows.some(
    (row) => row.id !== holiday.id && row.nation === holiday.nation && isoDateFromDb(row.date).slice(0, 4) === year,
  );

  let openCasesInNation = 0;
  let openCasesMoving = 0;
  const settings = await loadDeadlineSettings(prisma);
  let cursor: string | undefined;
  for (;;) {
    const batch = await prisma.case.findMany({
      where: { closedAt: null, site: { nation: holiday.nation } },
      orderBy: { id: "asc" },
      take: 500,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: { id: true, ...CLOCK_INPUT_SELECT },
    });
    if (batch.length === 0) break;
    for (const row of batch) {
      openCasesInNation++;
      const now = dueDateColumnsFor(row, withHoliday, settings);
      const after = dueDateColumnsFor(row, withoutHoliday, settings);
      const moves = (Object.keys(now) as (keyof typeof now)[]).some((key) => now[key]?.getTime() !== after[key]?.getTime());
      if (moves) openCasesMoving++;
    }
    cursor = batch[batch.length - 1].id;
  }
  return { holiday, openCasesInNation, openCasesMoving, lastInYear };
}
