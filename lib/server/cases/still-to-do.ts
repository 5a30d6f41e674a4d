import type { Prisma } from "@/lib/db/prisma";

/**
 * Work still to do: an open case, or a closed one whose exit notice is due and not sent — the
 * notice is a task with a clock after the exit (docs/rules/clocks.md "Exit notice"; 3.16, 13.21 note).
 * The database keeps it as the generated column "Case"."stillToDo", with the open states as constants
 * (tests/integration/cases/work-queue-still-to-do.test.ts holds it to lib/domain/case-states.ts), and
 * reads it through two partial indexes in the queue's order, by organisation and by caseworker
 * (docs/decisions/0033-work-queue-at-scale.md, amendment). The work queue, "My cases due this week"
 * and the daily reminders all ask this one question; the queue's hand-written SQL asks it as the bare
 * column (lib/server/cases/work-queue-where.ts).
 */
export const STILL_TO_DO: Prisma.CaseWhereInput = { stillToDo: true };
