import type { PrismaClient } from "@/lib/db/prisma";
import { loadCalendar } from "../reference/load-calendar";
import { recomputeAllDueDates } from "./recompute-all-due-dates";

/**
 * Migrations whose SQL changes what the stored due dates mean, so every case's due dates are
 * recomputed once they are applied. SQL cannot count working days, so the migration leaves the
 * columns and this fills them from the one function that computes them (recompute-due-dates.ts).
 * 20261203100000: the forms chase (13.14) and the UCPR1 duplicate request (13.67) became two
 * clocks, and non-UC cases moved to the single process (docs/rules/clocks.md, docs/rules/rulesets.md).
 * 20261203200000: the exit notice became a clock (exitNoticeDueOn, part of the next deadline) and
 * the welcome call's clock stops at the start (docs/decisions/0010-steps-that-record-an-event-and-exit-notices.md):
 * cases already stored would otherwise keep due dates the app no longer computes.
 */
export const MIGRATIONS_THAT_MOVE_DUE_DATES: readonly string[] = [
  "20261203100000_rulesets_by_date_and_two_chase_clocks",
  "20261203200000_welcome_call_exit_notices",
];

/** Recompute every case's stored due dates if one of `applied` moves them; returns how many were recomputed. */
export async function recomputeDueDatesAfterMigrations(prisma: PrismaClient, applied: readonly string[]): Promise<number> {
  if (!applied.some((name) => MIGRATIONS_THAT_MOVE_DUE_DATES.includes(name))) return 0;
  return prisma.$transaction(async (tx) => recomputeAllDueDates(tx, await loadCalendar(tx)), { timeout: 600_000 });
}
