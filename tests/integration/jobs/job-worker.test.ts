import { spawn } from "node:child_process";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import type { JobTask } from "@/lib/server/jobs/job-context";
import { JOB } from "@/lib/server/jobs/job-names";
import { startJobWorker, type JobWorker } from "@/lib/server/jobs/start-job-worker";
import { TASKS } from "@/lib/server/jobs/task-registry";
import { createMailer } from "@/lib/server/reminders/mailer";
import { createProvider, createUserRow, type Provider } from "../support/builders";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { caseDueOn, freePort, NOW, recordingMailer, TODAY, waitFor } from "./support/job-fixtures";

/**
 * The job layer against a real PostgreSQL database and real graphile-worker workers
 * (docs/decisions/0022-background-jobs.md; docs/security.md SO-05, SO-07). PostgreSQL only: several
 * workers and a killed worker process need it; the embedded database's one in-process worker is
 * covered by embedded-job-worker.test.ts (docs/decisions/0025-jobs-on-the-embedded-database.md).
 */
const url = process.env.DATABASE_URL;
let db: TestDatabase;
let provider: Provider;
const workers: JobWorker[] = [];

async function worker(options: Partial<Parameters<typeof startJobWorker>[0]> = {}): Promise<JobWorker> {
  const started = await startJobWorker({
    connectionString: db.url!,
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

const jobsLeft = (task: string) =>
  db.prisma.$queryRaw<{ id: string; attempts: number; last_error: string | null; locked_by: string | null; max_attempts: number }[]>`
    SELECT id::text, attempts, last_error, locked_by, max_attempts FROM graphile_worker.jobs WHERE task_identifier = ${task}`;

describe.skipIf(!url)("background jobs on PostgreSQL (SO-05)", () => {
  beforeEach(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await db.close();
  });

  it("two workers running two reminder runs at once write exactly one digest and queue one e-mail per person (SO-05)", async () => {
    const people = [provider.users.caseworker, provider.users.officer];
    for (const person of people) await caseDueOn(db.prisma, provider, TODAY, { assignedTo: person });
    // Two ticks, as two instances' cron or a retry would queue them.
    await enqueueJob(db.prisma, JOB.dailyReminders, {}, { jobKey: "tick-a" });
    await enqueueJob(db.prisma, JOB.dailyReminders, {}, { jobKey: "tick-b" });
    // The e-mail jobs are left queued: only the reminders task is registered on these workers.
    const mailer = recordingMailer();
    await Promise.all([worker({ mailer, tasks: { [JOB.dailyReminders]: TASKS[JOB.dailyReminders] } }), worker({ mailer, tasks: { [JOB.dailyReminders]: TASKS[JOB.dailyReminders] } })]);

    await waitFor(async () => (await jobsLeft(JOB.dailyReminders)).length === 0, 20_000, "both reminder runs");

    const digests = await db.prisma.reminderDigest.groupBy({ by: ["userId"], _count: true });
    expect(digests.filter((d) => people.some((p) => p.id === d.userId)).map((d) => d._count)).toEqual([1, 1]);
    expect(digests.every((d) => d._count === 1)).toBe(true);
    const emailJobs = await jobsLeft(JOB.digestEmail);
    expect(emailJobs).toHaveLength(digests.length);
  });

  it("a worker killed mid-run loses nothing and duplicates nothing: its job is released and finished by another", async () => {
    // Five caseworkers with something due; the crashing worker dies after writing two digests.
    const people = [provider.users.caseworker, provider.users.officer];
    for (let i = 0; i < 3; i++) people.push(await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["caseworker"], siteId: provider.sites.england.id }));
    for (const person of people) await caseDueOn(db.prisma, provider, TODAY, { assignedTo: person });
    await enqueueJob(db.prisma, JOB.dailyReminders, {}, { jobKey: `reminders:${TODAY}` });

    const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/jobs/support/crashing-worker.ts", db.url!, NOW.toISOString()], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exit = await new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    expect(exit).toBe("SIGKILL");
    expect(await db.prisma.reminderDigest.count()).toBe(2);
    const [stuck] = await jobsLeft(JOB.dailyReminders);
    expect(stuck.locked_by).toMatch(/^pool-/);
    expect(await db.prisma.workerHeartbeat.count({ where: { workerId: stuck.locked_by! } })).toBe(1);

    // Its heartbeat stops; the two surviving workers release its lock and one of them reruns the job.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await Promise.all([worker({ heartbeatStaleMs: 1_000 }), worker({ heartbeatStaleMs: 1_000 })]);
    await waitFor(async () => (await jobsLeft(JOB.dailyReminders)).length === 0, 20_000, "the released run");

    const perPerson = await db.prisma.reminderDigest.groupBy({ by: ["userId"], _count: true });
    expect(perPerson).toHaveLength(people.length);
    expect(perPerson.every((row) => row._count === 1)).toBe(true);
  });

  it("retries a job that throws, then keeps it as failed with its error; its writes are rolled back", async () => {
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
    expect(failed.last_error).toContain("Simulated failure after a partial write");
    expect(await db.prisma.workerHeartbeat.count({ where: { workerId: { startsWith: "half-written" } } })).toBe(0);
  });

  it("never runs a job key twice: adding the same key again while it exists does nothing", async () => {
    const first = await enqueueJob(db.prisma, JOB.digestEmail, { digestId: "00000000-0000-4000-8000-000000000001" }, { jobKey: "digest-email:x" });
    const second = await enqueueJob(db.prisma, JOB.digestEmail, { digestId: "00000000-0000-4000-8000-000000000001" }, { jobKey: "digest-email:x" });
    expect(second).toBe(first);
    expect(await jobsLeft(JOB.digestEmail)).toHaveLength(1);
  });

  it("SMTP down: the in-app digest is there, the e-mail is retried, and exactly one arrives when SMTP recovers (DP-07)", async () => {
    const dueToday = await caseDueOn(db.prisma, provider, TODAY, { assignedTo: provider.users.caseworker });
    const port = await freePort();
    const mailer = createMailer({ SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true`, SMTP_FROM: "ses@provider.example" })!;
    await worker({ mailer });
    await enqueueJob(db.prisma, JOB.dailyReminders, {}, { jobKey: "tick" });

    const digest = await waitFor(() => db.prisma.reminderDigest.findFirst({ where: { userId: provider.users.caseworker.id } }), 20_000, "the digest");
    const [failing] = await waitFor(async () => {
      const jobs = await jobsLeft(JOB.digestEmail);
      return jobs.length === 1 && jobs[0].attempts >= 1 && jobs[0].last_error ? jobs : null;
    }, 20_000, "a failed e-mail attempt");
    expect(failing.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(digest.emailSentAt).toBeNull();

    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        let body = "";
        stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
        stream.on("end", () => {
          received.push(body);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
    try {
      // graphile-worker's backoff: the second attempt is about e¹ ≈ 3 seconds after the first.
      await waitFor(async () => (await jobsLeft(JOB.digestEmail)).length === 0, 30_000, "the retried e-mail");
      // Queue it again, as a confused operator might: the sent mark stops a second e-mail.
      await enqueueJob(db.prisma, JOB.digestEmail, { digestId: digest.id }, { jobKey: "resend" });
      await waitFor(async () => (await jobsLeft(JOB.digestEmail)).length === 0, 20_000, "the resend");
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
    expect(received).toHaveLength(1);
    expect(received[0]).toContain(dueToday.reference);
    expect(received[0]).not.toContain(dueToday.claimant.nino!);
    expect(received[0]).not.toContain(dueToday.claimant.postcode!);
    expect(received[0]).not.toContain(dueToday.claimant.surname);
    const sent = await db.prisma.reminderDigest.findUniqueOrThrow({ where: { id: digest.id } });
    expect(sent.emailSentAt).not.toBeNull();
  });
});
