-- The work queue's "still to do" (lib/server/cases/list-work-queue.ts; docs/decisions/0033-work-queue-at-scale.md):
-- an open case, OR a closed one whose exit notice is due and not sent. The open arm is read through
-- the (state, …) indexes; the second arm was read through Case_exitNoticeDueOn_idx, which holds
-- every case that ever had an exit notice (three in four of all cases), each then read from the
-- table to test "not sent". This partial index holds only the notices still to send (about 1 %),
-- by organisation and holder, so "All open", "Mine" and "Unassigned" read a few rows for that arm.
-- Its predicate names no enum value: Prisma sends enum values as CAST($n::text AS "CaseState"),
-- which PostgreSQL cannot match to an index predicate that lists states (docs/decisions/0033).
CREATE INDEX "Case_exit_notice_pending_idx" ON "Case"("organisationId", "assignedCaseworkerId")
  WHERE "exitNoticeDueOn" IS NOT NULL AND "exitNoticeSentOn" IS NULL;
