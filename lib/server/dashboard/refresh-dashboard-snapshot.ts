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
  /** Snapshot rows deleted, updated or inserted by the refresh (only the counts that changed are written). */
  rowsWritten: number;
}

/** A refresh of one snapshot table: its rows now, and how many it deleted, updated or inserted. */
interface Written {
  rows: number;
  written: number;
}

/** Stands in for a NULL key (no caseworker, no reason) when the fresh counts are paired with the rows there. */
const NO_ID = Prisma.sql`'00000000-0000-0000-0000-000000000000'::uuid`;

type Db = Pick<PrismaClient, "$queryRaw" | "$transaction" | "organisation" | "dashboardSnapshot">;

/** Inserts, updates and deletes on "Case" since the statistics were last reset: moves with every change. */
async function caseWrites(db: Pick<PrismaClient, "$queryRaw">): Promise<bigint> {
  const rows = await db.$queryRaw<{ writes: bigint | null }[]>`
    SELECT (n_tup_ins + n_tup_upd + n_tup_del)::bigint AS "writes" FROM pg_stat_user_tables WHERE relid = to_regclass('"Case"')`;
  return rows[0]?.writes ?? 0n;
}

/**
 * Counts one organisation's start target (by month of the start deadline), funnel (by month
 * of the referral date) and starts per strand (by month of the start date) into its snapshot, in ONE repeatable-read
 * transaction: both tables are the same moment, and the dashboard sees the old snapshot or the
 * new one, never half. Each row is the count of the cases sharing every key a filter or breakdown
 * selects, with the same conditions as the live queries in load-dashboard.ts (measuredSql,
 * leftBeforeDeadlineSql, ASSESSED_SQL, RECOMMENDED_SQL), so summing rows equals counting live.
 *
 * Skipped ("unchanged") when the snapshot is of today and no case has been written since it was
 * counted; removed ("live") when the organisation has fewer than `minimumCases` cases. `force`
 * rebuilds regardless (the bench, the tests).
 *
 * The snapshot is brought up to date in place, not deleted and written again: only the rows whose
 * counts changed are updated, the keys no longer counted deleted and new keys inserted. A refresh
 * after a few changes writes a few rows, so it leaves few dead rows behind for VACUUM (the job's
 * least-privilege role cannot vacuum; a server may run without autovacuum), and the dashboard's
 * reads do not visit the replaced snapshot's rows.
 *
 * New rows are written in site then month order, so one site's months of a period lie together in
 * the table (and all sites' are one run per site), and the dashboard's read of them touches a few
 * hundred pages rather than most of the table — for one site only that site's pages, through the
 * (organisation, site, month) indexes (a hash aggregation emits its groups in no order;
 * docs/decisions/0032-dashboard-at-a-million-cases.md, "the live open-case reads" and "one site").
 */
export async function refreshDashboardSnapshot(
  db: Db,
  organisationId: string,
  now: Date,
  options: { minimumCases?: number; force?: boolean } = {},
): Promise<SnapshotRefresh> {
  const today: IsoDate = todayInLondon(now);
  const none = { organisationId, refreshMs: null, startRows: 0, funnelRows: 0, rowsWritten: 0 };
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
      // The snapshot's row is updated, not replaced: deleting it would delete every count row with it.
      await tx.$executeRaw`INSERT INTO "DashboardSnapshot" ("organisationId", "takenAt", "asOfDate", "caseWrites", "refreshMs")
        VALUES (${organisationId}::uuid, ${now}, ${today}::date, ${writes}, 0)
        ON CONFLICT ("organisationId") DO UPDATE SET "takenAt" = EXCLUDED."takenAt", "asOfDate" = EXCLUDED."asOfDate", "caseWrites" = EXCLUDED."caseWrites", "refreshMs" = 0`;
      // Each table: the fresh counts ("fresh"), paired with the rows already there on every key
      // ("pairs"; NULL keys compared as a value, so the join can hash); then the rows no longer
      // counted are deleted, the rows whose counts changed are updated, and new keys are inserted
      // in (site, month) order. Rows whose counts are the same are not written at all.
      const [start] = await tx.$queryRaw<Written[]>`
        WITH "fresh" AS (
          SELECT m."month", m."siteId", m."assignedCaseworkerId", m."route", m."restrictionTier", m."state", m."closureReasonId",
            count(*) FILTER (WHERE m."measured")::int AS "measured", count(*) FILTER (WHERE m."measured" AND m."onTime")::int AS "onTime",
            count(*) FILTER (WHERE m."measured" AND m."late")::int AS "startedLate", count(*) FILTER (WHERE m."left")::int AS "leftBefore"
          FROM (
            SELECT date_trunc('month', c."startDueOn")::date AS "month", c."siteId", c."assignedCaseworkerId", c."route", c."restrictionTier",
              CASE WHEN ${leftBeforeDeadlineSql()} THEN c."state" END AS "state",
              CASE WHEN ${leftBeforeDeadlineSql()} THEN c."closureReasonId" END AS "closureReasonId",
              ${measuredSql(today)} AS "measured", ${leftBeforeDeadlineSql()} AS "left",
              c."startedOn" <= c."startDueOn" AS "onTime", c."startedOn" > c."startDueOn" AS "late"
            FROM "Case" c
            WHERE c."organisationId" = ${organisationId}::uuid AND c."startDueOn" <= ${today}::date) m
          GROUP BY 1, 2, 3, 4, 5, 6, 7
          HAVING count(*) FILTER (WHERE m."measured" OR m."left") > 0),
        "pairs" AS (
          SELECT o."id" AS "oldId", f.*,
            o."id" IS NOT NULL AND f."month" IS NOT NULL
              AND (o."measured", o."onTime", o."startedLate", o."leftBefore") IS DISTINCT FROM (f."measured", f."onTime", f."startedLate", f."leftBefore") AS "changed"
          FROM "fresh" f
          FULL JOIN (SELECT * FROM "DashboardStartRow" WHERE "organisationId" = ${organisationId}::uuid) o
            ON o."month" = f."month" AND o."siteId" = f."siteId" AND o."route" = f."route" AND o."restrictionTier" = f."restrictionTier"
            AND COALESCE(o."assignedCaseworkerId", ${NO_ID}) = COALESCE(f."assignedCaseworkerId", ${NO_ID})
            AND COALESCE(o."state"::text, '') = COALESCE(f."state"::text, '')
            AND COALESCE(o."closureReasonId", ${NO_ID}) = COALESCE(f."closureReasonId", ${NO_ID})),
        "removed" AS (DELETE FROM "DashboardStartRow" d USING "pairs" p WHERE d."id" = p."oldId" AND p."month" IS NULL RETURNING 1),
        "updated" AS (
          UPDATE "DashboardStartRow" d SET "measured" = p."measured", "onTime" = p."onTime", "startedLate" = p."startedLate", "leftBefore" = p."leftBefore"
          FROM "pairs" p WHERE d."id" = p."oldId" AND p."changed" RETURNING 1),
        "added" AS (
          INSERT INTO "DashboardStartRow" ("id", "organisationId", "month", "siteId", "assignedCaseworkerId", "route", "restrictionTier", "state", "closureReasonId", "measured", "onTime", "startedLate", "leftBefore")
          SELECT gen_random_uuid(), ${organisationId}::uuid, p."month", p."siteId", p."assignedCaseworkerId", p."route", p."restrictionTier", p."state", p."closureReasonId",
            p."measured", p."onTime", p."startedLate", p."leftBefore"
          FROM "pairs" p WHERE p."oldId" IS NULL
          ORDER BY p."siteId", p."month"
          RETURNING 1)
        SELECT (SELECT count(*) FROM "fresh")::int AS "rows",
          ((SELECT count(*) FROM "removed") + (SELECT count(*) FROM "updated") + (SELECT count(*) FROM "added"))::int AS "written"`;
      const [funnel] = await tx.$queryRaw<Written[]>`
        WITH "fresh" AS (
          SELECT f."month", f."siteId", f."assignedCaseworkerId", f."route", f."restrictionTier", f."state", f."closureReasonId",
            count(*)::int AS "referred", count(*) FILTER (WHERE f."assessed")::int AS "assessed", count(*) FILTER (WHERE f."recommended")::int AS "recommended",
            count(*) FILTER (WHERE f."started")::int AS "started"
          FROM (
            SELECT date_trunc('month', c."referralDate")::date AS "month", c."siteId", c."assignedCaseworkerId", c."route", c."restrictionTier", c."state",
              CASE WHEN c."state" IN (${FUNNEL_REASON_STATES}) THEN c."closureReasonId" END AS "closureReasonId",
              ${ASSESSED_SQL} AS "assessed", ${RECOMMENDED_SQL} AS "recommended", c."startedOn" IS NOT NULL AS "started"
            FROM "Case" c
            WHERE c."organisationId" = ${organisationId}::uuid AND c."referralDate" <= ${today}::date) f
          GROUP BY 1, 2, 3, 4, 5, 6, 7),
        "pairs" AS (
          SELECT o."id" AS "oldId", f.*,
            o."id" IS NOT NULL AND f."month" IS NOT NULL
              AND (o."referred", o."assessed", o."recommended", o."started") IS DISTINCT FROM (f."referred", f."assessed", f."recommended", f."started") AS "changed"
          FROM "fresh" f
          FULL JOIN (SELECT * FROM "DashboardFunnelRow" WHERE "organisationId" = ${organisationId}::uuid) o
            ON o."month" = f."month" AND o."siteId" = f."siteId" AND o."route" = f."route" AND o."restrictionTier" = f."restrictionTier" AND o."state" = f."state"
            AND COALESCE(o."assignedCaseworkerId", ${NO_ID}) = COALESCE(f."assignedCaseworkerId", ${NO_ID})
            AND COALESCE(o."closureReasonId", ${NO_ID}) = COALESCE(f."closureReasonId", ${NO_ID})),
        "removed" AS (DELETE FROM "DashboardFunnelRow" d USING "pairs" p WHERE d."id" = p."oldId" AND p."month" IS NULL RETURNING 1),
        "updated" AS (
          UPDATE "DashboardFunnelRow" d SET "referred" = p."referred", "assessed" = p."assessed", "recommended" = p."recommended", "started" = p."started"
          FROM "pairs" p WHERE d."id" = p."oldId" AND p."changed" RETURNING 1),
        "added" AS (
          INSERT INTO "DashboardFunnelRow" ("id", "organisationId", "month", "siteId", "assignedCaseworkerId", "route", "restrictionTier", "state", "closureReasonId", "referred", "assessed", "recommended", "started")
          SELECT gen_random_uuid(), ${organisationId}::uuid, p."month", p."siteId", p."assignedCaseworkerId", p."route", p."restrictionTier", p."state", p."closureReasonId",
            p."referred", p."assessed", p."recommended", p."started"
          FROM "pairs" p WHERE p."oldId" IS NULL
          ORDER BY p."siteId", p."month"
          RETURNING 1)
        SELECT (SELECT count(*) FROM "fresh")::int AS "rows",
          ((SELECT count(*) FROM "removed") + (SELECT count(*) FROM "updated") + (SELECT count(*) FROM "added"))::int AS "written"`;
      const [starts] = await tx.$queryRaw<Written[]>`
        WITH "fresh" AS (
          SELECT date_trunc('month', c."startedOn")::date AS "month", c."siteId", c."assignedCaseworkerId", c."route", c."restrictionTier", c."strand", count(*)::int AS "starts"
          FROM "Case" c
          WHERE c."organisationId" = ${organisationId}::uuid AND c."startedOn" <= ${today}::date
          GROUP BY 1, 2, 3, 4, 5, 6),
        "pairs" AS (
          SELECT o."id" AS "oldId", f.*, o."id" IS NOT NULL AND f."month" IS NOT NULL AND o."starts" IS DISTINCT FROM f."starts" AS "changed"
          FROM "fresh" f
          FULL JOIN (SELECT * FROM "DashboardStartsRow" WHERE "organisationId" = ${organisationId}::uuid) o
            ON o."month" = f."month" AND o."siteId" = f."siteId" AND o."route" = f."route" AND o."restrictionTier" = f."restrictionTier"
            AND COALESCE(o."assignedCaseworkerId", ${NO_ID}) = COALESCE(f."assignedCaseworkerId", ${NO_ID})
            AND COALESCE(o."strand"::text, '') = COALESCE(f."strand"::text, '')),
        "removed" AS (DELETE FROM "DashboardStartsRow" d USING "pairs" p WHERE d."id" = p."oldId" AND p."month" IS NULL RETURNING 1),
        "updated" AS (UPDATE "DashboardStartsRow" d SET "starts" = p."starts" FROM "pairs" p WHERE d."id" = p."oldId" AND p."changed" RETURNING 1),
        "added" AS (
          INSERT INTO "DashboardStartsRow" ("id", "organisationId", "month", "siteId", "assignedCaseworkerId", "route", "restrictionTier", "strand", "starts")
          SELECT gen_random_uuid(), ${organisationId}::uuid, p."month", p."siteId", p."assignedCaseworkerId", p."route", p."restrictionTier", p."strand", p."starts"
          FROM "pairs" p WHERE p."oldId" IS NULL
          ORDER BY p."siteId", p."month"
          RETURNING 1)
        SELECT (SELECT count(*) FROM "fresh")::int AS "rows",
          ((SELECT count(*) FROM "removed") + (SELECT count(*) FROM "updated") + (SELECT count(*) FROM "added"))::int AS "written"`;
      // Fresh statistics, so the dashboard's reads of these rows are planned on their real size.
      await tx.$executeRaw`ANALYZE "DashboardStartRow", "DashboardFunnelRow", "DashboardStartsRow"`;
      const refreshMs = Math.round(performance.now() - started);
      await tx.$executeRaw`UPDATE "DashboardSnapshot" SET "refreshMs" = ${refreshMs} WHERE "organisationId" = ${organisationId}::uuid`;
      return [start, { rows: funnel.rows + starts.rows, written: funnel.written + starts.written }];
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 10 * 60_000, maxWait: 30_000 },
  );
  return {
    organisationId,
    outcome: "built",
    refreshMs: Math.round(performance.now() - started),
    startRows: startRows.rows,
    funnelRows: funnelRows.rows,
    rowsWritten: startRows.written + funnelRows.written,
  };
}

/** Every organisation's snapshot brought up to date (the `dashboard:refresh-snapshots` job), one at a time. */
export async function refreshDashboardSnapshots(db: Db, now: Date, options: { minimumCases?: number } = {}): Promise<SnapshotRefresh[]> {
  const organisations = await db.organisation.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const results: SnapshotRefresh[] = [];
  for (const { id } of organisations) results.push(await refreshDashboardSnapshot(db, id, now, options));
  return results;
}
