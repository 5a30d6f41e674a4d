-- The dashboard's period figures at one moment (docs/decisions/0032-dashboard-at-a-million-cases.md,
-- "Amendment: the period-figure snapshot"): the start target (13.13, 3.07) by month of the start
-- deadline and the funnel by month of the referral date, per organisation, refreshed by the
-- `dashboard:refresh-snapshots` job. Only large organisations get one; without it the dashboard
-- counts live. Each row is a count of cases sharing every key a dashboard filter or breakdown can
-- select (site, caseworker, route, restriction tier), so any filter is answered by summing rows.

CREATE TABLE "DashboardSnapshot" (
  "organisationId" UUID NOT NULL,
  -- The moment the figures were counted (shown as "Figures as of …").
  "takenAt" TIMESTAMPTZ(3) NOT NULL,
  -- Today in London at that moment: a start deadline before it without a start was missed.
  "asOfDate" DATE NOT NULL,
  -- Inserts, updates and deletes on "Case" (pg_stat_user_tables) when the counting began: the job
  -- refreshes only when the number has moved (or the day has changed).
  "caseWrites" BIGINT NOT NULL,
  -- How long the refresh took (the job's own cost, for the bench and the jobs page).
  "refreshMs" INTEGER NOT NULL,
  CONSTRAINT "DashboardSnapshot_pkey" PRIMARY KEY ("organisationId"),
  CONSTRAINT "DashboardSnapshot_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The start target: measured, on time and started late, and the cases that left before their
-- deadline (with their state and closure reason; NULL on the other rows), by month of startDueOn.
CREATE TABLE "DashboardStartRow" (
  "id" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "month" DATE NOT NULL,
  "siteId" UUID NOT NULL,
  "assignedCaseworkerId" UUID,
  "route" "CaseRoute" NOT NULL,
  "restrictionTier" "RestrictionTier" NOT NULL,
  "state" "CaseState",
  "closureReasonId" UUID,
  "measured" INTEGER NOT NULL,
  "onTime" INTEGER NOT NULL,
  "startedLate" INTEGER NOT NULL,
  "leftBefore" INTEGER NOT NULL,
  CONSTRAINT "DashboardStartRow_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "DashboardStartRow_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "DashboardSnapshot"("organisationId") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "DashboardStartRow_organisationId_month_idx" ON "DashboardStartRow"("organisationId", "month");

-- The funnel: referrals by month of referralDate and state (the closure reason kept only for the
-- states whose reasons the dashboard lists: rejected, cancelled, left early).
CREATE TABLE "DashboardFunnelRow" (
  "id" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "month" DATE NOT NULL,
  "siteId" UUID NOT NULL,
  "assignedCaseworkerId" UUID,
  "route" "CaseRoute" NOT NULL,
  "restrictionTier" "RestrictionTier" NOT NULL,
  "state" "CaseState" NOT NULL,
  "closureReasonId" UUID,
  "referred" INTEGER NOT NULL,
  "assessed" INTEGER NOT NULL,
  "recommended" INTEGER NOT NULL,
  "started" INTEGER NOT NULL,
  CONSTRAINT "DashboardFunnelRow_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "DashboardFunnelRow_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "DashboardSnapshot"("organisationId") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "DashboardFunnelRow_organisationId_month_idx" ON "DashboardFunnelRow"("organisationId", "month");

-- Starts by month of the start date, per strand (13.25-13.27): the strand split's "starts in the
-- period" (its "on provision now" stays live).
CREATE TABLE "DashboardStartsRow" (
  "id" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "month" DATE NOT NULL,
  "siteId" UUID NOT NULL,
  "assignedCaseworkerId" UUID,
  "route" "CaseRoute" NOT NULL,
  "restrictionTier" "RestrictionTier" NOT NULL,
  "strand" "Strand",
  "starts" INTEGER NOT NULL,
  CONSTRAINT "DashboardStartsRow_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "DashboardStartsRow_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "DashboardSnapshot"("organisationId") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "DashboardStartsRow_organisationId_month_idx" ON "DashboardStartsRow"("organisationId", "month");
