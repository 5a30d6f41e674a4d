import { createWorkingDayCalendar, type WorkingDayCalendar } from "@/lib/calendar";
import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { nationFromCode } from "@/lib/domain/nation";

type CalendarReader = Pick<PrismaClient | Prisma.TransactionClient, "bankHoliday">;

// Built once per calendar version: the index costs milliseconds, the check one indexed aggregate.
let cached: { stamp: string; calendar: WorkingDayCalendar } | undefined;

/** The working-day calendar from the bank-holiday table (administrator-editable). */
export async function loadCalendar(db: CalendarReader): Promise<WorkingDayCalendar> {
  const stamp = await db.bankHoliday.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  const key = `${stamp._count._all}:${stamp._max.updatedAt?.toISOString() ?? ""}`;
  if (cached?.stamp === key) return cached.calendar;
  const rows = await db.bankHoliday.findMany({ select: { nation: true, date: true, title: true } });
  const calendar = createWorkingDayCalendar(
    rows.map((row) => ({ nation: nationFromCode(row.nation), date: isoDateFromDb(row.date), title: row.title })),
  );
  cached = { stamp: key, calendar };
  return calendar;
}
