import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { NationCode } from "@/lib/domain/nation";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NATION_ORDER, SUMMARY_SELECT, summaryFrom, type BankHolidaySummary } from "./bank-holiday-summary";

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
