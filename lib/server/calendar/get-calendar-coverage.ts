import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { NationCode } from "@/lib/domain/nation";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NATION_ORDER } from "./bank-holiday-summary";

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
export async function getCalendarCoverage(prisma: PrismaClient, actor: UseCaseActor): Promise<NationCoverage[]> {
  assertCan(actor, "manage:calendar:any");
  const rows = await prisma.bankHoliday.findMany({ select: { nation: true, date: true, computed: true } });
  return NATION_ORDER.map((nation) => {
    const own = rows.filter((row) => row.nation === nation);
    const years = [...new Set(own.map((row) => Number(isoDateFromDb(row.date).slice(0, 4))))].sort((a, b) => a - b);
    return { nation, years, computedToConfirm: own.filter((row) => row.computed).length };
  });
}
