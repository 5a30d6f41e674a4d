import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import { Prisma, type PrismaClient } from "@/lib/db/prisma";
import { ASSESSED_SQL, RECOMMENDED_SQL, leftBeforeDeadlineSql, measuredSql } from "./load-dashboard";

/**
 * From this many cases an organisation's dashboard reads its start target and funnel from a
 * snapshot (docs/decisions/0032-dashboard-at-a-million-cases.md, the snapshot amendment). Below
 * it the live count answers in time, so small installations, the demo and the tests stay exact
 * to the moment: the job removes a snapshot an organisation no longer needs.
 */
export const DASHBOARD_SNAPSHOT_MIN_CASES = 100_000;

/** The states whose closure reasons the funnel lists (the other rows drop the reason). */
const FUNNEL_REASON_STATES = Prisma.sql`'rejected'::"CaseState", 'cancelled'::"CaseState", 'left_early'::"CaseState"`;

export type SnapshotOutcome = "built" | "unchanged" | "live";

export interface SnapshotRefresh {
  organisationId: string;
  outcome: SnapshotOutcome;
  /** Wall time of the whole refresh (the counting and writing, in one transaction), when built. */
  refreshMs: number | null;
  startRows: number;
  /** Funnel rows and strand-start rows. */
  funnelRows: number;
}

type Db = Pick<PrismaClient, "$queryRaw" | "$transaction" | "organisation" | "dashboardSnapshot">;

/** Inserts, updates and deletes on "Case" since the statistics were last reset: moves with every change. */
async function caseWrites(db: Pick<PrismaClient, "$queryRaw">): Promise<bigint> {
  const rows = await db.$queryRaw<{ writes: bigint | null }[]>`
    SELECT (n_tup_ins + n_tup_upd + n_tup_del)::bigint AS "writes" FROM pg_stat_user_tables WHERE relid = to_regclass('"Case"')`;
  return rows[0]?.writes ?? 0n;
}

/**
 * Counts one organisation's start target (by month of the start deadline), funnel (by month
 * of the referral date) and starts per strand (by month of the start date) into its snapshot, replacing the last one, in ONE repeatable-read
 * transaction: both tables are the same moment, and the dashboard sees the old snapshot or the
 * new one, never half. Each row is the count of the cases sharing every key a filter or breakdown
 * selects, with the same conditions as the live queries in load-dashboard.ts (measuredSql,
 * leftBeforeDeadlineSql, ASSESSED_SQL, RECOMMENDED_SQL), so summing rows equals counting live.
 *
 * Skipped ("unchanged") when the snapshot is of today and no case has been written since it was
 * counted; removed ("live") when the organisation has fewer than `minimumCases` cases. `force`
 * rebuilds regardless (the bench, the tests).
 *
 * Rows are written in month order, so the months of a period lie together in the table and the
 * dashboard's read of them touches a few hundred pages rather than most of the table (a hash
 * aggregation emits its groups in no order; docs/decisions/0032-dashboard-at-a-million-cases.md).
 */
export async function refreshDashboardSnapshot(
  db: Db,
  organisationId: string,
  now: Date,
  options: { minimumCases?: number; force?: boolean } = {},
): Promise<SnapshotRefresh> {
  const today: IsoDate = todayInLondon(now);
  const none = { organisationId, refreshMs: null, startRows: 0, funnelRows: 0 };
  const writes = await caseWrites(db);
  const current = await db.dashboardSnapshot.findUnique({ where: { organisationId }, select: { asOfDate: true, caseWrites: true } });
  // No statistics (0): a change cannot be seen, so count again.
  if (!options.force && current && isoDateFromDb(current.asOfDate) === today && writes !== 0n && current.caseWrites === writes) return { ...none, outcome: "unchanged" };
  const [{ cases }] = await db.$queryRaw<{ cases: number }[]>`SELECT count(*)::int AS "cases" FROM "Case" c WHERE c."organisationId" = ${organisationId}::uuid`;
  if (cases < (options.minimumCases ?? DASHBOARD_SNAPSHOT_MIN_CASES)) {
    if (current) await db.dashboardSnapshot.deleteMany({ where: { organisationId } });
    return { ...none, outcome: "live" };
  }

  const started = performance.now();
  const [startRows, funnelRows] = await db.$transaction(
    async (tx) => {
      // A job, not a page: the planner's JIT compile of these full-history aggregations is wasted work.
      await tx.$executeRaw`SELECT set_config('jit', 'off', true)`;
      await tx.$executeRaw`DELETE FROM "DashboardSnapshot" WHERE "organisationId" = ${organisationId}::uuid`;
      await tx.$executeRaw`INSERT INTO "DashboardSnapshot" ("organisationId", "takenAt", "asOfDate", "caseWrites", "refreshMs")
        VALUES (${organisationId}::uuid, ${now}, ${today}::date, ${writes}, 0)`;
      const start = await tx.$executeRaw`
        INSERT INTO "DashboardStartRow" ("id", "organisationId", "month", "siteId", "assignedCaseworkerId", "route", "restrictionTier", "state", "closureReasonId", "measured", "onTime", "startedLate", "leftBefore")
        SELECT gen_random_uuid(), ${organisationId}::uuid, m."month", m."siteId", m."assignedCaseworkerId", m."route", m."restrictionTier", m."state", m."closureReasonId",
          count(*) FILTER (WHERE m."measured"), count(*) FILTER (WHERE m."measured" AND m."onTime"), count(*) FILTER (WHERE m."measured" AND m."late"), count(*) FILTER (WHERE m."left")
        FROM (
          SELECT date_trunc('month', c."startDueOn")::date AS "month", c."siteId", c."assignedCaseworkerId", c."route", c."restrictionTier",
            CASE WHEN ${leftBeforeDeadlineSql()} THEN c."state" END AS "state",
            CASE WHEN ${leftBeforeDeadlineSql()} THEN c."closureReasonId" END AS "closureReasonId",
            ${measuredSql(today)} AS "measured", ${leftBeforeDeadlineSql()} AS "left",
            c."startedOn" <= c."startDueOn" AS "onTime", c."startedOn" > c."startDueOn" AS "late"
          FROM "Case" c
          WHERE c."organisationId" = ${organisationId}::uuid AND c."startDueOn" <= ${today}::date) m
        GROUP BY 3, 4, 5, 6, 7, 8, 9
        HAVING count(*) FILTER (WHERE m."measured" OR m."left") > 0
        ORDER BY 3`;
      const funnel = await tx.$executeRaw`
        INSERT INTO "DashboardFunnelRow" ("id", "organisationId", "month", "siteId", "assignedCaseworkerId", "route", "restrictionTier", "state", "closureReasonId", "referred", "assessed", "recommended", "started")
        SELECT gen_random_uuid(), ${organisationId}::uuid, f."month", f."siteId", f."assignedCaseworkerId", f."route", f."restrictionTier", f."state", f."closureReasonId",
          count(*), count(*) FILTER (WHERE f."assessed"), count(*) FILTER (WHERE f."recommended"), count(*) FILTER (WHERE f."started")
        FROM (
          SELECT date_trunc('month', c."referralDate")::date AS "month", c."siteId", c."assignedCaseworkerId", c."route", c."restrictionTier", c."state",
            CASE WHEN c."state" IN (${FUNNEL_REASON_STATES}) THEN c."closureReasonId" END AS "closureReasonId",
            ${ASSESSED_SQL} AS "assessed", ${RECOMMENDED_SQL} AS "recommended", c."startedOn" IS NOT NULL AS "started"
          FROM "Case" c
          WHERE c."organisationId" = ${organisationId}::uuid AND c."referralDate" <= ${today}::date) f
        GROUP BY 3, 4, 5, 6, 7, 8, 9
        ORDER BY 3`;
      const starts = await tx.$executeRaw`
        INSERT INTO "DashboardStartsRow" ("id", "organisationId", "month", "siteId", "assignedCaseworkerId", "route", "restrictionTier", "strand", "starts")
        SELECT gen_random_uuid(), ${organisationId}::uuid, date_trunc('month', c."startedOn")::date, c."siteId", c."assignedCaseworkerId", c."route", c."restrictionTier", c."strand", count(*)
        FROM "Case" c
        WHERE c."organisationId" = ${organisationId}::uuid AND c."startedOn" <= ${today}::date
        GROUP BY 3, 4, 5, 6, 7, 8
        ORDER BY 3`;
      // Fresh statistics, so the dashboard's reads of these rows are planned on their real size.
      await tx.$executeRaw`ANALYZE "DashboardStartRow", "DashboardFunnelRow", "DashboardStartsRow"`;
      const refreshMs = Math.round(performance.now() - started);
      await tx.$executeRaw`UPDATE "DashboardSnapshot" SET "refreshMs" = ${refreshMs} WHERE "organisationId" = ${organisationId}::uuid`;
      return [start, funnel + starts];
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 10 * 60_000, maxWait: 30_000 },
  );
  return { organisationId, outcome: "built", refreshMs: Math.round(performance.now() - started), startRows, funnelRows };
}

/** Every organisation's snapshot brought up to date (the `dashboard:refresh-snapshots` job), one at a time. */
export async function refreshDashboardSnapshots(db: Db, now: Date, options: { minimumCases?: number } = {}): Promise<SnapshotRefresh[]> {
  const organisations = await db.organisation.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const results: SnapshotRefresh[] = [];
  for (const { id } of organisations) results.push(await refreshDashboardSnapshot(db, id, now, options));
  return results;
}
