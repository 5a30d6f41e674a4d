import { createWorkingDayCalendar } from "@/lib/calendar";
import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { nationFromCode } from "@/lib/domain/nation";
import type { UseCaseActor } from "../assert-can";
import { CLOCK_INPUT_SELECT, dueDateColumnsFor } from "../cases/recompute-due-dates";
import { loadDeadlineSettings } from "../reference/load-deadline-settings";
import type { BankHolidaySummary } from "./bank-holiday-summary";
import { getBankHoliday } from "./get-bank-holiday";

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
export async function getRemovalImpact(prisma: PrismaClient, actor: UseCaseActor, bankHolidayId: string): Promise<RemovalImpact> {
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
