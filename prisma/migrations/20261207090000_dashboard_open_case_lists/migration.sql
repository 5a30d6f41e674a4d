-- The manager dashboard's two lists of open cases at 1,000,000 cases
-- (docs/decisions/0032-dashboard-at-a-million-cases.md, "Amendment: the live open-case reads").
-- Each list's page is read in its own order from the front of a small partial index, and its total
-- is an index-only count of the same index, in the same statement. Before, every matching case
-- (~18,700 awaiting a start, ~2,200 unassigned at 1,000,000 cases) was read, counted with a window
-- and sorted for one page. The predicates list the states literally: the dashboard's hand-written
-- SQL binds each state as a parameter cast to "CaseState", which PostgreSQL plans as a constant and
-- matches to these predicates (Prisma's own queries, CAST($n::text AS "CaseState"), never would:
-- docs/decisions/0033-work-queue-at-scale.md). The columns after the order are the dashboard's
-- filters (restriction tier, site, caseworker, route) and the case's id, so the page's cases are
-- chosen without reading the table.

-- At risk (lib/domain/dashboard/figures.ts AWAITING_START_STATES, not started, with a start
-- deadline): by start deadline then reference, the list's default order (either direction); the
-- referral date for its other order.
CREATE INDEX "Case_awaiting_start_idx" ON "Case"("organisationId", "startDueOn", "reference", "restrictionTier", "siteId", "assignedCaseworkerId", "route", "referralDate", "id")
  WHERE "state" IN ('introduced', 'introduction_accepted', 'referred', 'acknowledged', 'assessment_booked', 'recommended', 'accepted')
    AND "startedOn" IS NULL AND "startDueOn" IS NOT NULL;

-- Unassigned open cases (OPEN_STATES, no caseworker): longest waiting first — referral date (no
-- date last), then when the case was created, then reference.
CREATE INDEX "Case_unassigned_open_idx" ON "Case"("organisationId", "referralDate", "createdAt", "reference", "restrictionTier", "siteId", "route", "id")
  WHERE "state" IN ('introduced', 'introduction_accepted', 'referred', 'acknowledged', 'assessment_booked', 'recommended', 'accepted', 'started', 'backed_out')
    AND "assignedCaseworkerId" IS NULL;
