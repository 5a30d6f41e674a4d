import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { changeJob, JOB_CANCELLED_ACTION, JOB_RETRIED_ACTION } from "@/lib/server/jobs/change-job";
import { JOB } from "@/lib/server/jobs/job-names";
import { listJobs, safeJobError } from "@/lib/server/jobs/list-jobs";
import { UseCaseError } from "@/lib/server/use-case-error";
import { createProvider, type Provider } from "../support/builders";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** The administrators' jobs page: list, retry, cancel (docs/decisions/0022-background-jobs.md). */
let db: TestDatabase;
let provider: Provider;

// PostgreSQL or the embedded database: both have the job queue (docs/decisions/0025-jobs-on-the-embedded-database.md).
describe("the jobs page", () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(async () => {
    await db.close();
  });

  it("lists failed jobs with their error, masked, and never the payload", async () => {
    const id = await enqueueJob(db.prisma, JOB.digestEmail, { digestId: "00000000-0000-4000-8000-00000000abcd" }, { maxAttempts: 1 });
    await db.prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = 1, last_error = 'Mailbox jane.doe@example.com refused for AB123456C\n  at stack' WHERE id = ${id}::bigint`;
    const jobs = await listJobs(db.prisma, provider.actors.administrator);
    const failed = jobs!.find((job) => job.id === id)!;
    expect(failed).toMatchObject({ task: JOB.digestEmail, status: "failed", attempts: 1, maxAttempts: 1, lastError: "Mailbox [e-mail] refused for [NINO]" });
    expect(JSON.stringify(jobs)).not.toContain("abcd");
  });

  it("retries a failed job (attempts reset, runs now) and cancels a queued one, each audited", async () => {
    const failedId = await enqueueJob(db.prisma, JOB.recomputeDueDates, { nations: ["scotland"] }, { maxAttempts: 1 });
    await db.prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = 1, last_error = 'boom' WHERE id = ${failedId}::bigint`;
    await changeJob(db.prisma, provider.actors.administrator, { jobId: failedId, operation: "retry" });
    const queuedId = await enqueueJob(db.prisma, JOB.recomputeDueDates, { nations: ["england_and_wales"] }, { runAt: new Date(Date.now() + 3_600_000) });
    await changeJob(db.prisma, provider.actors.administrator, { jobId: queuedId, operation: "cancel" });

    const jobs = await listJobs(db.prisma, provider.actors.administrator);
    expect(jobs!.find((job) => job.id === failedId)).toMatchObject({ status: "queued", attempts: 0 });
    expect(jobs!.find((job) => job.id === queuedId)).toMatchObject({ status: "failed", lastError: "Cancelled by an administrator" });
    expect(await db.prisma.auditEvent.count({ where: { action: JOB_RETRIED_ACTION, entityId: failedId } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { action: JOB_CANCELLED_ACTION, entityId: queuedId } })).toBe(1);
  });

  it("refuses a caseworker and a manager, and an unknown job is not found (AC-03)", async () => {
    for (const actor of [provider.actors.caseworker, provider.actors.manager]) {
      await expect(listJobs(db.prisma, actor)).rejects.toBeInstanceOf(UseCaseError);
      await expect(changeJob(db.prisma, actor, { jobId: "1", operation: "retry" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(changeJob(db.prisma, provider.actors.administrator, { jobId: "999999", operation: "cancel" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("masks e-mail addresses and NINOs in any error text", () => {
    expect(safeJobError("to a.b@c.org; nino QQ 12 34 56 C")).toBe("to [e-mail]; nino [NINO]");
    expect(safeJobError(null)).toBeNull();
  });
});
