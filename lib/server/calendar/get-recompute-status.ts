import type { PrismaClient } from "@/lib/db/prisma";
import { NATION_CODES } from "@/lib/domain/forms/bank-holiday-forms";
import type { NationCode } from "@/lib/domain/nation";
import { assertCan, type UseCaseActor } from "../assert-can";
import { canQueueJobs } from "../jobs/queue-available";
import { recomputeJobKey } from "./change-calendar";

export type RecomputeState = "queued" | "running" | "failed";

export interface RecomputeStatus {
  /** False on a database without a job queue: recomputes run inside the request there. */
  queue: boolean;
  /** The nations whose recompute is still in the queue, and its state; empty when every recompute is done. */
  pending: { nation: NationCode; state: RecomputeState }[];
}

/**
 * Where the due-date recomputes queued by calendar changes are (the bank-holidays page): read from
 * the jobs' state by their keys — never a payload, nothing about a person. A completed job leaves
 * the queue, so a nation with no job is done.
 */
export async function getRecomputeStatus(db: Pick<PrismaClient, "$queryRaw">, actor: UseCaseActor): Promise<RecomputeStatus> {
  assertCan(actor, "manage:calendar:any");
  if (!(await canQueueJobs(db))) return { queue: false, pending: [] };
  const keys = NATION_CODES.map(recomputeJobKey);
  const rows = await db.$queryRaw<{ key: string; attempts: number; max_attempts: number; locked_at: Date | null }[]>`
    SELECT key, attempts, max_attempts, locked_at FROM graphile_worker.jobs WHERE key = ANY(${keys}::text[])`;
  const pending = NATION_CODES.flatMap((nation) => {
    const row = rows.find((candidate) => candidate.key === recomputeJobKey(nation));
    if (!row) return [];
    const state: RecomputeState = row.attempts >= row.max_attempts ? "failed" : row.locked_at ? "running" : "queued";
    return [{ nation, state }];
  });
  return { queue: true, pending };
}
