-- Issue 6, "Speed at scale": covering indexes for the manager dashboard at 100,000 cases
-- (npm run bench; EXPLAIN ANALYZE in the bench notes). Every column the aggregate queries read
-- is in the index, so PostgreSQL answers them with index-only scans of a narrow index instead of
-- scanning the whole Case table once per figure.

-- The start target (13.13, 3.07): measured cases by their stored start deadline, with what each
-- figure groups or filters by (site, caseworker, route, restriction tier) and the started date.
CREATE INDEX "Case_start_target_idx" ON "Case"("organisationId", "startDueOn", "startedOn", "state", "restrictionTier", "siteId", "assignedCaseworkerId", "route");

-- The funnel and the closure reasons: the period's referrals by referral date.
CREATE INDEX "Case_referral_funnel_idx" ON "Case"("organisationId", "referralDate", "state", "restrictionTier", "siteId", "assignedCaseworkerId", "route", "firstMetOn", "startedOn", "closureReasonId", "id");

-- The funnel's "recommended" stage looks up each not-yet-started case's Initial Assessment outcome:
-- with the outcome in the index, each lookup is index-only.
CREATE INDEX "InitialAssessment_caseId_outcome_idx" ON "InitialAssessment"("caseId", "outcome");
