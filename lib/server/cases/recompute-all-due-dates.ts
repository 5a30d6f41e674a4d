import type { WorkingDayCalendar } from "@/lib/calendar";
import type { Prisma } from "@/lib/db/prisma";
import { loadDeadlineSettings } from "../reference/load-deadline-settings";
import { CLOCK_INPUT_SELECT, dueDateColumnsFor } from "./recompute-due-dates";

/**
 * Recompute stored due dates for every case matching the filter — after a calendar change
 * (bank holiday added/edited/removed) or a site's nation change. Batched so memory stays flat.
 */
export async function recomputeAllDueDates(
  tx: Prisma.TransactionClient,
  calendar: WorkingDayCalendar,
  filter: { siteId?: string; nation?: "england_and_wales" | "scotland" | "northern_ireland" } = {},
): Promise<number> {
  const where: Prisma.CaseWhereInput = {
    ...(filter.siteId ? { siteId: filter.siteId } : {}),
    ...(filter.nation ? { site: { nation: filter.nation } } : {}),
  };
  const settings = await loadDeadlineSettings(tx);
  let cursor: string | undefined;
  let updated = 0;
  for (;;) {
    const batch = await tx.case.findMany({
      where,
      orderBy: { id: "asc" },
      take: 500,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: { id: true, ...CLOCK_INPUT_SELECT },
    });
    if (batch.length === 0) return updated;
    for (const row of batch) {
      await tx.case.update({ where: { id: row.id }, data: dueDateColumnsFor(row, calendar, settings) });
      updated++;
    }
    cursor = batch[batch.length - 1].id;
  }
}
