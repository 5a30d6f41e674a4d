import { createWorkingDayCalendar, type WorkingDayCalendar } from "@/lib/calendar";
import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { nationFromCode } from "@/lib/domain/nation";
import { cachedReferenceData } from "./reference-cache";

type CalendarReader = Pick<PrismaClient | Prisma.TransactionClient, "bankHoliday" | "$queryRaw">;

// Built once per calendar content: the index costs milliseconds; the check is one small digest
// over every row (id, nation, date, version), so any add, edit or removal — even two that leave
// the count and latest update time unchanged — gives a new key.
let cached: { digest: string; calendar: WorkingDayCalendar } | undefined;

/** The working-day calendar from the bank-holiday table (administrator-editable). */
export async function loadCalendar(db: CalendarReader): Promise<WorkingDayCalendar> {
  const [{ digest }] = await db.$queryRaw<{ digest: string | null }[]>`
    SELECT md5(string_agg("id"::text || ':' || "nation"::text || ':' || "date"::text || ':' || "version"::text, ',' ORDER BY "id")) AS "digest"
    FROM "BankHoliday"`;
  const key = digest ?? "empty";
  if (cached?.digest === key) return cached.calendar;
  const rows = await db.bankHoliday.findMany({ select: { nation: true, date: true, title: true, computed: true } });
  const calendar = createWorkingDayCalendar(
    rows.map((row) => ({ nation: nationFromCode(row.nation), date: isoDateFromDb(row.date), title: row.title, computed: row.computed })),
  );
  cached = { digest: key, calendar };
  return calendar;
}

/**
 * The calendar for a page's read, outside any transaction: checked against the table at most once
 * per process and max age, and again at once after a change made here
 * (lib/server/reference/reference-cache.ts). Due dates that are stored are always computed from
 * loadCalendar(tx) inside the writing transaction.
 */
export function loadCalendarForPages(db: PrismaClient): Promise<WorkingDayCalendar> {
  return cachedReferenceData(db, "calendar", () => loadCalendar(db));
}
