import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { JOB } from "@/lib/server/jobs/job-names";
import { RETENTION_RUN_ACTION } from "@/lib/server/retention/run-retention";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";
import { drainJobs } from "../jobs/support/drain-jobs";

/**
 * The retention purge as a job on the queue (docs/security.md DP-02, LG-07;
 * lib/server/retention/retention-job.ts): with RETENTION_NIGHTLY=1 the nightly job removes a case
 * closed more than 24 months ago and audits the run as the system; without it the job changes nothing.
 */
describe.skipIf(!process.env.DATABASE_URL)("the nightly retention job (DP-02, PostgreSQL)", () => {
  let db: TestDatabase;
  let provider: Provider;
  const before = process.env.RETENTION_NIGHTLY;

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterEach(() => {
    if (before === undefined) delete process.env.RETENTION_NIGHTLY;
    else process.env.RETENTION_NIGHTLY = before;
  });
  afterAll(() => db.close());

  async function caseClosedYearsAgo() {
    const built = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "rejected" });
    await db.prisma.case.update({ where: { id: built.id }, data: { closedAt: new Date("2023-06-01T10:00:00Z") } });
    return built.id;
  }

  it("does nothing unless the deployment opts in", async () => {
    delete process.env.RETENTION_NIGHTLY;
    const caseId = await caseClosedYearsAgo();
    await enqueueJob(db.prisma, JOB.retentionNightly, {});
    await drainJobs(db, [JOB.retentionNightly]);
    expect(await db.prisma.case.count({ where: { id: caseId } })).toBe(1);
  });

  it("with RETENTION_NIGHTLY=1 removes a case closed over 24 months ago and audits the run as the system", async () => {
    process.env.RETENTION_NIGHTLY = "1";
    const caseId = await caseClosedYearsAgo();
    const runsBefore = await db.prisma.auditEvent.count({ where: { action: RETENTION_RUN_ACTION } });
    await enqueueJob(db.prisma, JOB.retentionNightly, {});
    await drainJobs(db, [JOB.retentionNightly]);
    expect(await db.prisma.case.count({ where: { id: caseId } })).toBe(0);
    const runs = await db.prisma.auditEvent.findMany({ where: { action: RETENTION_RUN_ACTION }, orderBy: { at: "desc" } });
    expect(runs.length).toBe(runsBefore + 1);
    expect(runs[0].actorId).toBeNull();
  });
});
