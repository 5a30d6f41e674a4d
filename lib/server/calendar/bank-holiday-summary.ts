import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/prisma";
import type { NationCode } from "@/lib/domain/nation";

export interface BankHolidaySummary {
  id: string;
  nation: NationCode;
  date: IsoDate;
  title: string;
  notes: string | null;
  computed: boolean;
  version: number;
}

export const SUMMARY_SELECT = {
  id: true,
  nation: true,
  date: true,
  title: true,
  notes: true,
  computed: true,
  version: true,
} as const satisfies Prisma.BankHolidaySelect;

export function summaryFrom(row: Prisma.BankHolidayGetPayload<{ select: typeof SUMMARY_SELECT }>): BankHolidaySummary {
  return { ...row, date: isoDateFromDb(row.date) };
}

/** The nations in the order the calendar pages list them. */
export const NATION_ORDER: readonly NationCode[] = ["england_and_wales", "scotland", "northern_ireland"];
