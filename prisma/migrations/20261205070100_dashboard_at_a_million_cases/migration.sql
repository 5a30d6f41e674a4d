-- The manager dashboard at 1,000,000 cases (docs/decisions/0032-dashboard-at-a-million-cases.md;
-- README "Speed at scale"). Each aggregate the dashboard runs becomes an index-only scan of a
-- narrow index that holds every column it reads.

-- The start target (13.13, 3.07) and the cases that left before their deadline, in one scan: the
-- start deadline's range with the closure's moment and reason added, so the "left before the
-- deadline" test needs no table read. Replaces Case_start_target_idx (the same columns but those two).
DROP INDEX "Case_start_target_idx";
CREATE INDEX "Case_start_measure_idx" ON "Case"("organisationId", "startDueOn", "startedOn", "state", "restrictionTier", "siteId", "assignedCaseworkerId", "route", "closedAt", "closureReasonId");

-- The funnel's referrals by referral date are read from Case_referral_funnel_idx, which starts with
-- (organisationId, referralDate) and holds every column the funnel counts. With the plain
-- referralDate index beside it PostgreSQL preferred that one and read each of the period's referrals
-- from the table (the rows lie in referral order, so it looked nearly sequential): ~4 s against an
-- index-only scan at 1,000,000 cases. Every query on Case is scoped to an organisation, so the
-- covering index serves any range of referral dates the plain one did.
DROP INDEX "Case_referralDate_idx";

-- Starts in the period by start date, per strand (13.25-13.27).
CREATE INDEX "Case_starts_idx" ON "Case"("organisationId", "startedOn", "strand", "state", "restrictionTier", "siteId", "assignedCaseworkerId", "route");

-- The open cases only (lib/domain/dashboard/figures.ts OPEN_STATES; a few per cent of all cases):
-- the headline clocks and caseload, the at-risk and unassigned lists and on provision now read
-- them by state without touching the table.
CREATE INDEX "Case_open_cases_idx" ON "Case"("organisationId", "state", "siteId", "assignedCaseworkerId", "restrictionTier", "route", "strand", "startedOn", "startDueOn", "meetDueOn", "firstMetOn", "formsChaseDueOn", "spocChasedOn", "uc452ReceivedOn", "ucpr1ReceivedOn", "ucpr1DuplicateDueOn", "ucpr1DuplicateRequestedOn", "cancelDueAt", "cancelledAt", "referralDate", "createdAt", "reference", "id")
  WHERE "state" IN ('introduced', 'introduction_accepted', 'referred', 'acknowledged', 'assessment_booked', 'recommended', 'accepted', 'started', 'backed_out');
