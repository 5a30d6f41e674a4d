import type { Prisma } from "@/lib/db/prisma";
import { loadCalendar } from "../reference/load-calendar";
import { recomputeDueDates } from "./recompute-due-dates";

/**
 * The step every use-case takes after an event that changes a clock input: the case's stored due
 * dates recomputed against the bank-holiday calendar, in the caller's transaction
 * (docs/architecture.md: deadlines are derived from events). Kept apart from recompute-due-dates.ts,
 * which the demo seed uses with a calendar of its own, so the seed never loads the calendar data.
 */
export async function recomputeCaseDueDates(tx: Prisma.TransactionClient, caseId: string): Promise<void> {
  await recomputeDueDates(tx, caseId, await loadCalendar(tx));
}
