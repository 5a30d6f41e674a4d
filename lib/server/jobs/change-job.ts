import type { PrismaClient } from "@/lib/db/prisma";
import type { JobActionInput } from "@/lib/domain/forms/job-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";

export const JOB_RETRIED_ACTION = "job.retried";
export const JOB_CANCELLED_ACTION = "job.cancelled";

/**
 * An administrator retries a job (run it now, attempts reset) or cancels it (kept as failed with
 * "Cancelled by an administrator", so its key stays used and it never runs). A running job cannot
 * be changed: the worker holds it. Audited in the same transaction (docs/security.md LG-02).
 */
export async function changeJob(prisma: PrismaClient, actor: UseCaseActor, input: JobActionInput): Promise<void> {
  assertCan(actor, "manage:settings:any");
  await prisma.$transaction(async (tx) => {
    const [job] = await tx.$queryRaw<{ id: string; task: string; attempts: number; max_attempts: number; locked_at: Date | null }[]>`
      SELECT j.id::text, t.identifier AS task, j.attempts, j.max_attempts, j.locked_at
      FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
      WHERE j.id = ${input.jobId}::bigint FOR UPDATE OF j`;
    if (!job) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
    if (job.locked_at) throw new UseCaseError("CONFLICT", "That job is running now; wait for it to finish or fail");
    if (input.operation === "retry") {
      await tx.$queryRaw`SELECT id FROM graphile_worker.reschedule_jobs(ARRAY[${input.jobId}::bigint], run_at := now(), attempts := 0)`;
    } else {
      await tx.$queryRaw`SELECT id FROM graphile_worker.permanently_fail_jobs(ARRAY[${input.jobId}::bigint], 'Cancelled by an administrator')`;
    }
    await recordAudit(tx, actor, {
      action: input.operation === "retry" ? JOB_RETRIED_ACTION : JOB_CANCELLED_ACTION,
      entityType: "Job",
      entityId: job.id,
      before: { task: job.task, attempts: job.attempts, maxAttempts: job.max_attempts },
    });
  });
}
