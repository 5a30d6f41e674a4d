-- The work queue's "still to do" as a stored generated column (docs/decisions/0033-work-queue-at-scale.md,
-- amendment): an open case, OR a closed one whose exit notice is due and not sent (docs/rules/clocks.md
-- "Exit notice"). The open states are written here as constants, so the two partial indexes below can
-- hold exactly the queue's rows in its order; Prisma queries `"stillToDo" = true`, which PostgreSQL
-- matches to `WHERE "stillToDo"` (a state list sent by Prisma as CAST($n::text AS "CaseState") never
-- matches an index predicate). The list must equal lib/domain/case-states.ts's open states:
-- tests/integration/cases/work-queue-still-to-do.test.ts checks every state.
ALTER TABLE "Case" ADD COLUMN "stillToDo" BOOLEAN NOT NULL GENERATED ALWAYS AS (
  "state" IN ('introduced', 'introduction_accepted', 'referred', 'acknowledged', 'assessment_booked', 'recommended', 'accepted', 'started', 'backed_out')
  OR ("exitNoticeDueOn" IS NOT NULL AND "exitNoticeSentOn" IS NULL)
) STORED;

-- "All open": the organisation's work in the queue's order (soonest deadline, then reference), with the
-- restriction tier for the visibility rule, so the page reads 25 entries and the count reads the index only.
CREATE INDEX "Case_still_to_do_organisation_idx" ON "Case"("organisationId", "nextDeadlineOn", "reference") INCLUDE ("restrictionTier") WHERE "stillToDo";

-- "Mine" and "Unassigned" (assignedCaseworkerId IS NULL): the same, per holder.
CREATE INDEX "Case_still_to_do_caseworker_idx" ON "Case"("assignedCaseworkerId", "nextDeadlineOn", "reference") INCLUDE ("organisationId", "restrictionTier") WHERE "stillToDo";
