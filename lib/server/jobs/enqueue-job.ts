import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { JobName } from "./job-names";

type SqlRunner = Pick<PrismaClient | Prisma.TransactionClient, "$queryRaw">;

export interface EnqueueOptions {
  /**
   * A job key makes the job unique: while a job with this key exists (queued, running, or failed
   * and kept), adding another does nothing ("unsafe_dedupe"), so the same key never runs twice
   * whatever the number of instances (docs/security.md SO-05).
   */
  jobKey?: string;
  /**
   * "unique" (the default) as above. "replace": a queued job with the key is replaced by this one,
   * and if it is already running a new one is queued after it — for work that must see the latest
   * state, such as recomputing due dates after another calendar change.
   */
  keyMode?: "unique" | "replace";
  maxAttempts?: number;
  runAt?: Date;
}

/**
 * Queue a job with graphile-worker's SQL `add_job`, on the caller's transaction: the job exists
 * if and only if the business change that asked for it commits (docs/decisions/0022-background-jobs.md).
 */
export async function enqueueJob(db: SqlRunner, task: JobName, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<string> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT (graphile_worker.add_job(
      ${task}::text,
      ${JSON.stringify(payload)}::json,
      run_at := ${options.runAt ?? null}::timestamptz,
      max_attempts := ${options.maxAttempts ?? null}::int,
      job_key := ${options.jobKey ?? null}::text,
      job_key_mode := ${options.jobKey ? (options.keyMode === "replace" ? "replace" : "unsafe_dedupe") : null}::text
    )).id::text AS id`;
  return rows[0].id;
}

/** Whether this database has the job queue's schema (both databases once migrated: docs/decisions/0025-jobs-on-the-embedded-database.md). */
export async function jobQueueAvailable(db: SqlRunner): Promise<boolean> {
  const rows = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('graphile_worker._private_jobs') IS NOT NULL AS present`;
  return rows[0]?.present === true;
}
