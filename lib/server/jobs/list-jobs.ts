import type { PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";
import { jobQueueAvailable } from "./enqueue-job";

export type JobStatus = "queued" | "running" | "retrying" | "failed";

export interface JobRow {
  id: string;
  task: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  /** The first line of the last error, with anything like an e-mail address or NINO masked. */
  lastError: string | null;
}

export const JOB_LIST_LIMIT = 200;

/** Errors are shown to administrators: keep one line, and mask what could identify a person. */
export function safeJobError(error: string | null): string | null {
  if (!error) return null;
  const firstLine = error.split("\n")[0].slice(0, 300);
  return firstLine
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "[e-mail]")
    .replace(/\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi, "[NINO]");
}

/**
 * The jobs page (administrators; docs/decisions/0022-background-jobs.md): every job still in the
 * queue — queued, running, retrying (failed at least once, attempts left) or failed (no attempts
 * left). Completed jobs leave the queue. Payloads are never shown.
 */
export async function listJobs(db: Pick<PrismaClient, "$queryRaw">, actor: UseCaseActor): Promise<JobRow[] | null> {
  assertCan(actor, "manage:settings:any");
  if (!(await jobQueueAvailable(db))) return null;
  const rows = await db.$queryRaw<{ id: string; task: string; attempts: number; max_attempts: number; run_at: Date; locked_at: Date | null; last_error: string | null }[]>`
    SELECT id::text, task_identifier AS task, attempts, max_attempts, run_at, locked_at, last_error
    FROM graphile_worker.jobs ORDER BY (attempts >= max_attempts) DESC, run_at ASC LIMIT ${JOB_LIST_LIMIT}`;
  return rows.map((row) => ({
    id: row.id,
    task: row.task,
    status: row.attempts >= row.max_attempts ? "failed" : row.locked_at ? "running" : row.attempts > 0 ? "retrying" : "queued",
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lastError: safeJobError(row.last_error),
  }));
}
