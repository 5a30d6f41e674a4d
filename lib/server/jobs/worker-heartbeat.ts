import type { PrismaClient } from "@/lib/db/prisma";

/** How often a worker writes its heartbeat, and after how long without one it counts as dead. */
export const HEARTBEAT_INTERVAL_MS = 10_000;
export const HEARTBEAT_STALE_MS = 60_000;

// Heartbeats use the database's clock, never the process's: instances' clocks may differ.

export async function beat(db: PrismaClient, workerId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "WorkerHeartbeat" ("workerId", "beatAt") VALUES (${workerId}, now())
    ON CONFLICT ("workerId") DO UPDATE SET "beatAt" = now()`;
}

/**
 * Release the jobs of workers whose heartbeat stopped (a killed process), so another worker picks
 * them up now instead of after graphile-worker's four-hour stale-lock timeout. Returns their ids.
 */
export async function releaseDeadWorkers(db: PrismaClient, staleMs: number = HEARTBEAT_STALE_MS): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const dead = await tx.$queryRaw<{ workerId: string }[]>`
      DELETE FROM "WorkerHeartbeat" WHERE "beatAt" < now() - make_interval(secs => ${staleMs / 1000}::float8) RETURNING "workerId"`;
    const ids = dead.map((row) => row.workerId);
    if (ids.length > 0) await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(${ids}::text[])`;
    return ids;
  });
}

/** Seconds since the newest heartbeat of any worker, or null when none (for /readyz). */
export async function secondsSinceLatestHeartbeat(db: Pick<PrismaClient, "$queryRaw">): Promise<number | null> {
  const [row] = await db.$queryRaw<{ age: number | null }[]>`SELECT EXTRACT(EPOCH FROM now() - max("beatAt"))::float8 AS age FROM "WorkerHeartbeat"`;
  return row?.age ?? null;
}

export async function forgetWorker(db: PrismaClient, workerId: string): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { workerId } });
}

/**
 * The embedded database belongs to one process (docs/decisions/0001-embedded-pglite.md), so when
 * its worker starts every job lock and heartbeat left in it is a previous process's: a server
 * stopped mid-job. Release them all now rather than after 60 s (docs/decisions/0025-jobs-on-the-embedded-database.md).
 * Never on PostgreSQL, where other instances' workers are alive.
 */
export async function releaseEveryWorker(db: PrismaClient): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ workerId: string }[]>`
      SELECT DISTINCT locked_by AS "workerId" FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL
      UNION SELECT locked_by FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL
      UNION SELECT "workerId" FROM "WorkerHeartbeat"`;
    const ids = rows.map((row) => row.workerId);
    if (ids.length > 0) await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(${ids}::text[])`;
    await tx.$executeRaw`DELETE FROM "WorkerHeartbeat"`;
    return ids.length;
  });
}
