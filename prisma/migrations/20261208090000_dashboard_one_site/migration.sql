-- The manager dashboard for one site at 1,000,000 cases (docs/decisions/0032-dashboard-at-a-million-cases.md,
-- "Amendment: one site"). A site filter is the common way a manager reads the dashboard; its reads
-- should touch only that site's part of each index and snapshot table.

-- The open cases by site first: the state list is implied by the index's predicate, so PostgreSQL
-- drops it from the index condition, and with the state second a site filter was a filter over the
-- whole organisation's open cases (1,131 pages at 1,000,000 cases, every page of the index). Keyed
-- (organisation, site, state, caseworker, …) one site's open cases are one range of the index, and
-- the dashboard's count of them (per site, state and caseworker) still reads the index in its order.
-- The same columns as before, in a new order; the same predicate.
DROP INDEX "Case_open_cases_idx";
CREATE INDEX "Case_open_cases_idx" ON "Case"("organisationId", "siteId", "state", "assignedCaseworkerId", "restrictionTier", "route", "strand", "startedOn", "startDueOn", "meetDueOn", "firstMetOn", "formsChaseDueOn", "spocChasedOn", "uc452ReceivedOn", "ucpr1ReceivedOn", "ucpr1DuplicateDueOn", "ucpr1DuplicateRequestedOn", "cancelDueAt", "cancelledAt", "referralDate", "createdAt", "reference", "id")
  WHERE "state" IN ('introduced', 'introduction_accepted', 'referred', 'acknowledged', 'assessment_booked', 'recommended', 'accepted', 'started', 'backed_out');

-- The snapshot's rows by site: the refresh writes them in (site, month) order
-- (lib/server/dashboard/refresh-dashboard-snapshot.ts), so one site's months lie together in the
-- table, and these indexes find them without visiting the other sites' pages. (By month alone, every
-- page of a period holds every site's rows.) The (organisation, month) indexes stay for all sites.
CREATE INDEX "DashboardStartRow_organisationId_siteId_month_idx" ON "DashboardStartRow"("organisationId", "siteId", "month");
CREATE INDEX "DashboardFunnelRow_organisationId_siteId_month_idx" ON "DashboardFunnelRow"("organisationId", "siteId", "month");
CREATE INDEX "DashboardStartsRow_organisationId_siteId_month_idx" ON "DashboardStartsRow"("organisationId", "siteId", "month");
