import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { openDatabase } from "@/lib/db/open";
import { pglitePool } from "@/lib/db/pglite-pool";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import type { JobTask } from "@/lib/server/jobs/job-context";
import { JOB } from "@/lib/server/jobs/job-names";
import { startEmbeddedJobWorker, stopEmbeddedJobWorker } from "@/lib/server/jobs/start-embedded-worker";
import { startJobWorker, type JobWorker } from "@/lib/server/jobs/start-job-worker";
import { TASKS } from "@/lib/server/jobs/task-registry";
import { createProvider, type Provider } from "../support/builders";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { caseDueOn, NOW, recordingMailer, TODAY, waitFor } from "./support/job-fixtures";

/**
 * The job queue and worker on the embedded database (docs/decisions/0025-jobs-on-the-embedded-database.md):
 * graphile-worker in the process that owns PGlite, through a `pg`-shaped pool over the same
 * instance whose transactions never interleave with the app's (lib/db/pglite-pool.ts). The same
 * guarantees as on PostgreSQL that matter in one process (docs/security.md SO-05, SO-07, SO-08).
 */
let db: TestDatabase;
let provider: Provider;
const workers: JobWorker[] = [];

async function worker(options: Partial<Parameters<typeof startJobWorker>[0]> = {}): Promise<JobWorker> {
  const started = await startJobWorker({
    pgPool: pglitePool(db.pglite!),
    db: db.prisma,
    mailer: null,
    cron: false,
    pollIntervalMs: 200,
    heartbeatIntervalMs: 300,
    now: () => NOW,
    ...options,
  });
  workers.push(started);
  return started;
}

const jobsLeft = (task?: string) =>
  db.prisma.$queryRaw<{ id: string; attempts: number; locked_by: string | null }[]>`
    SELECT id::text, attempts, locked_by FROM graphile_worker.jobs WHERE ${task ?? null}::text IS NULL OR task_identifier = ${task ?? null}::text`;

const onPglite = !process.env.DATABASE_URL;

describe.skipIf(!onPglite)("background jobs on the embedded database (SO-05)", () => {
  beforeEach(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await db.close();
  });

  it("runs a job queued inside a use-case's transaction, the jobs it queues in turn, and never one whose transaction rolled back", async () => {
    await caseDueOn(db.prisma, provider, TODAY, { assignedTo: provider.users.caseworker });
    await db.prisma.$transaction(async (tx) => {
      await tx.workerHeartbeat.create({ data: { workerId: "business-change", beatAt: NOW } });
      await enqueueJob(tx, JOB.dailyReminders, {}, { jobKey: "tick" });
    });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueJob(tx, JOB.recomputeDueDates, { nations: ["scotland"] });
        throw new Error("the business change failed");
      }),
    ).rejects.toThrow("the business change failed");
    expect(await jobsLeft()).toHaveLength(1);

    const mailer = recordingMailer();
    await worker({ mailer });
    await waitFor(async () => (await jobsLeft()).length === 0, 20_000, "the reminder run and its e-mail jobs");

    const digests = await db.prisma.reminderDigest.findMany();
    expect(digests.map((d) => d.userId)).toContain(provider.users.caseworker.id);
    // Each digest's e-mail job was queued in the digest's own transaction and has run: sent once, marked sent.
    expect(digests.every((d) => d.emailSentAt !== null)).toBe(true);
    expect(mailer.sent).toHaveLength(digests.length);
  });

  it("runs a job whose key was added twice once", async () => {
    let runs = 0;
    const counting: JobTask = async () => void runs++;
    const first = await enqueueJob(db.prisma, JOB.recomputeDueDates, { nations: ["scotland"] }, { jobKey: "once" });
    const second = await enqueueJob(db.prisma, JOB.recomputeDueDates, { nations: ["scotland"] }, { jobKey: "once" });
    expect(second).toBe(first);
    await worker({ tasks: { [JOB.recomputeDueDates]: counting } });
    await waitFor(async () => (await jobsLeft()).length === 0, 20_000, "the keyed job");
    // A further poll finds nothing more to run.
    await worker({ tasks: { [JOB.recomputeDueDates]: counting } });
    expect(await jobsLeft()).toHaveLength(0);
    expect(runs).toBe(1);
  });

  it("writes the day's reminder digest once per person when the reminder task runs twice (SO-08)", async () => {
    const people = [provider.users.caseworker, provider.users.officer];
    for (const person of people) await caseDueOn(db.prisma, provider, TODAY, { assignedTo: person });
    await enqueueJob(db.prisma, JOB.dailyReminders, {}, { jobKey: "tick-a" });
    await enqueueJob(db.prisma, JOB.dailyReminders, {}, { jobKey: "tick-b" });
    // The e-mail jobs are left queued: only the reminders task is registered on this worker.
    await worker({ mailer: recordingMailer(), tasks: { [JOB.dailyReminders]: TASKS[JOB.dailyReminders] } });
    await waitFor(async () => (await jobsLeft(JOB.dailyReminders)).length === 0, 20_000, "both reminder runs");

    const perPerson = await db.prisma.reminderDigest.groupBy({ by: ["userId"], _count: true });
    expect(perPerson.filter((row) => people.some((p) => p.id === row.userId))).toHaveLength(2);
    expect(perPerson.every((row) => row._count === 1)).toBe(true);
    expect(await jobsLeft(JOB.digestEmail)).toHaveLength(perPerson.length);
  });

  it("retries a job that throws with backoff, then keeps it as failed; its writes are rolled back", async () => {
    let attempts = 0;
    const failing: JobTask = async (_payload, context) => {
      attempts++;
      await context.db.$transaction(async (tx) => {
        await tx.workerHeartbeat.create({ data: { workerId: `half-written-${attempts}`, beatAt: new Date() } });
        throw new Error("Simulated failure after a partial write");
      });
    };
    await enqueueJob(db.prisma, JOB.recomputeDueDates, { nations: ["scotland"] }, { maxAttempts: 2 });
    await worker({ tasks: { [JOB.recomputeDueDates]: failing } });
    const failed = await waitFor(async () => {
      const [job] = await jobsLeft(JOB.recomputeDueDates);
      return job && job.attempts === 2 ? job : null;
    }, 20_000, "two attempts");
    expect(attempts).toBe(2);
    expect(failed.locked_by).toBeNull();
    expect(await db.prisma.workerHeartbeat.count({ where: { workerId: { startsWith: "half-written" } } })).toBe(0);
  });

  it("never interleaves a job client's transaction with the app's: a rolled-back job transaction takes no app write with it", async () => {
    const pool = pglitePool(db.pglite!);
    const client = await pool.connect();
    await client.query("begin");
    await client.query(`INSERT INTO "WorkerHeartbeat" ("workerId", "beatAt") VALUES ($1, now())`, ["job-session"]);
    // The app writes while the job client's transaction is open: on one shared session this insert
    // would land inside that transaction and vanish with its rollback.
    // (Prisma's promises are lazy: `.then` sends each now, not when it is awaited below.)
    const appWrite = db.prisma.workerHeartbeat.create({ data: { workerId: "app-session", beatAt: NOW } }).then((row) => row);
    const appRead = db.prisma.workerHeartbeat.findUnique({ where: { workerId: "job-session" } }).then((row) => row);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await client.query("rollback");
    client.release();
    await appWrite;
    // The app's read waited for the job transaction to end: it never saw its uncommitted row.
    expect(await appRead).toBeNull();
    const ids = (await db.prisma.workerHeartbeat.findMany({ select: { workerId: true } })).map((row) => row.workerId);
    expect(ids).toContain("app-session");
    expect(ids).not.toContain("job-session");
  });

  it("keeps every write when the app's transactions and the jobs' run at the same time (no lost update)", async () => {
    // A counter incremented by read-then-write: if two transactions interleaved, increments would be lost.
    // (A heartbeat row in the future, so the worker's own heartbeat never takes it for a dead worker.)
    const base = new Date("2100-01-01T00:00:00.000Z").getTime();
    await db.prisma.workerHeartbeat.create({ data: { workerId: "counter", beatAt: new Date(base) } });
    const increment = (prisma: typeof db.prisma) =>
      prisma.$transaction(async (tx) => {
        const row = await tx.workerHeartbeat.findUniqueOrThrow({ where: { workerId: "counter" } });
        await new Promise((resolve) => setTimeout(resolve, 5));
        await tx.workerHeartbeat.update({ where: { workerId: "counter" }, data: { beatAt: new Date(row.beatAt.getTime() + 1) } });
      });
    const task: JobTask = async (_payload, context) => increment(context.db);
    for (let i = 0; i < 10; i++) await enqueueJob(db.prisma, JOB.recomputeDueDates, { nations: ["scotland"] });
    await worker({ tasks: { [JOB.recomputeDueDates]: task }, pollIntervalMs: 50 });
    await Promise.all(Array.from({ length: 10 }, () => increment(db.prisma)));
    await waitFor(async () => (await jobsLeft()).length === 0, 20_000, "the ten jobs");
    const counter = await db.prisma.workerHeartbeat.findUniqueOrThrow({ where: { workerId: "counter" } });
    expect(counter.beatAt.getTime() - base).toBe(20);
  });
});

describe.skipIf(!onPglite)("the server's worker on the embedded database (docs/decisions/0025-jobs-on-the-embedded-database.md)", () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "ses-embedded-jobs-"));
  });
  afterEach(async () => {
    await stopEmbeddedJobWorker();
    await (await openDatabase({ kind: "pglite", dataDir })).close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("a job queued before a restart, even one a stopped server was running, runs after it, once", async () => {
    const target = { kind: "pglite", dataDir } as const;
    // The first server: migrates (the job queue's schema too), queues a job, and stops while it
    // holds the job, with a fresh heartbeat, as a server killed mid-job leaves them.
    await migrateDatabase(target);
    const first = await openDatabase(target);
    const id = await enqueueJob(first.prisma, JOB.recomputeDueDates, { nations: ["scotland"] }, { jobKey: "survives" });
    await first.prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_by = 'pool-dead', locked_at = now() WHERE id = ${id}::bigint`;
    await first.prisma.$executeRaw`INSERT INTO "WorkerHeartbeat" ("workerId", "beatAt") VALUES ('pool-dead', now())`;
    await first.close();

    // The next server on the same folder: its worker releases what the stopped one held and runs it.
    const runs: unknown[] = [];
    const started = await startEmbeddedJobWorker(
      { PGLITE_DATA_DIR: dataDir, NODE_ENV: "test" },
      { cron: false, pollIntervalMs: 200, tasks: { [JOB.recomputeDueDates]: async (payload) => void runs.push(payload) } },
    );
    expect(started).not.toBeNull();
    const second = await openDatabase(target);
    await waitFor(async () => (await second.prisma.$queryRaw<unknown[]>`SELECT 1 FROM graphile_worker.jobs`).length === 0, 20_000, "the job after the restart");
    expect(runs).toEqual([{ nations: ["scotland"] }]);
    const heartbeats = await second.prisma.workerHeartbeat.findMany();
    expect(heartbeats.map((row) => row.workerId)).toEqual([started!.workerId]);
  });

  it("does not start on PostgreSQL or when SES_WORKER=0", async () => {
    expect(await startEmbeddedJobWorker({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", NODE_ENV: "test" })).toBeNull();
    await stopEmbeddedJobWorker();
    expect(await startEmbeddedJobWorker({ PGLITE_DATA_DIR: dataDir, SES_WORKER: "0", NODE_ENV: "test" })).toBeNull();
  });
});
