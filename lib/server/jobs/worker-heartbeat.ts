import type { PrismaClient } from "@/lib/db/prisma";

/** How often a worker writes its heartbeat, and after how long without one it counts as dead. */
export const HEARTBEAT_INTERVAL_MS = 10_000;
export const HEARTBEAT_STALE_MS = 60_000;

export async function beat(db: PrismaClient, workerId: string, at: Date): Promise<void> {
  await db.workerHeartbeat.upsert({ where: { workerId }, create: { workerId, beatAt: at }, update: { beatAt: at } });
}

/**
 * Release the jobs of workers whose heartbeat stopped (a killed process), so another worker picks
 * them up now instead of after graphile-worker's four-hour stale-lock timeout. Returns their ids.
 */
export async function releaseDeadWorkers(db: PrismaClient, now: Date, staleMs: number = HEARTBEAT_STALE_MS): Promise<string[]> {
  const cutoff = new Date(now.getTime() - staleMs);
  const dead = await db.workerHeartbeat.findMany({ where: { beatAt: { lt: cutoff } }, select: { workerId: true } });
  if (dead.length === 0) return [];
  const ids = dead.map((row) => row.workerId);
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(${ids}::text[])`;
    await tx.workerHeartbeat.deleteMany({ where: { workerId: { in: ids }, beatAt: { lt: cutoff } } });
  });
  return ids;
}

/** The newest heartbeat of any worker (for /readyz). */
export async function latestHeartbeat(db: PrismaClient): Promise<Date | null> {
  const row = await db.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" }, select: { beatAt: true } });
  return row?.beatAt ?? null;
}

export async function forgetWorker(db: PrismaClient, workerId: string): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { workerId } });
}
