import { EventEmitter } from "node:events";
import { Logger, parseCronItems, run, type Runner, type Task, type TaskList, type WorkerEvents } from "graphile-worker";
import type { Pool } from "pg";
import type { PrismaClient } from "@/lib/db/prisma";
import { logger } from "@/lib/log/logger";
import type { Mailer } from "../reminders/mailer";
import type { JobContext, JobTask } from "./job-context";
import { CRON_SCHEDULE, TASKS } from "./task-registry";
import { beat, forgetWorker, HEARTBEAT_INTERVAL_MS, HEARTBEAT_STALE_MS, releaseDeadWorkers } from "./worker-heartbeat";

/** One of connectionString (PostgreSQL) or pgPool (the embedded database). */
export interface JobWorkerOptions {
  /** A direct PostgreSQL URL — never through PgBouncer in transaction mode (LISTEN/NOTIFY; docs/security.md SO-04, SO-05). */
  connectionString?: string;
  /**
   * The embedded database: a pool over the server's own PGlite instance (lib/db/pglite-pool.ts;
   * docs/decisions/0025-jobs-on-the-embedded-database.md).
   */
  pgPool?: Pool;
  db: PrismaClient;
  mailer: Mailer | null;
  appUrl?: string;
  now?: () => Date;
  tasks?: Record<string, JobTask>;
  /** false in tests that queue jobs themselves. */
  cron?: boolean;
  pollIntervalMs?: number;
  heartbeatIntervalMs?: number;
  heartbeatStaleMs?: number;
  onDigestWritten?: () => void;
}

export interface JobWorker {
  workerId: string;
  /** Graceful: stops taking jobs, lets the running one finish (docs/security.md SO-07). */
  stop(): Promise<void>;
  runner: Runner;
}

const jobLogger = new Logger((scope) => (level, message) => {
  // graphile-worker's messages carry job ids and task names, never payloads.
  if (level === "error" || level === "warning") logger.warn({ scope: { label: scope.label, taskIdentifier: scope.taskIdentifier, jobId: scope.jobId } }, message);
});

/**
 * One worker: a graphile-worker pool with concurrency 1. graphile-worker locks jobs under the
 * pool's id, so the heartbeat row is keyed by that id and names exactly the jobs this process holds
 * (docs/decisions/0022-background-jobs.md). Run several processes for more throughput; job keys
 * and the digest's unique row keep every job single.
 */
export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  if (!options.connectionString === !options.pgPool) throw new Error("startJobWorker needs exactly one of connectionString and pgPool");
  const now = options.now ?? (() => new Date());
  const tasks = options.tasks ?? TASKS;
  const heartbeatStaleMs = options.heartbeatStaleMs ?? HEARTBEAT_STALE_MS;
  const taskList: TaskList = {};
  for (const [name, task] of Object.entries(tasks)) {
    const wrapped: Task = async (payload, helpers) => {
      const context: JobContext = {
        db: options.db,
        now,
        mailer: options.mailer,
        appUrl: options.appUrl ?? process.env.APP_URL ?? "http://localhost:3000",
        job: { id: helpers.job.id, key: helpers.job.key, attempts: helpers.job.attempts },
        onDigestWritten: options.onDigestWritten,
      };
      await task(payload, context);
    };
    taskList[name] = wrapped;
  }
  await releaseDeadWorkers(options.db, heartbeatStaleMs);
  const events: WorkerEvents = new EventEmitter();
  let poolId: string | undefined;
  events.on("pool:create", ({ workerPool }) => {
    poolId = workerPool.id;
  });
  const runner = await run({
    ...(options.pgPool
      ? // PGlite keeps no named prepared statements per client (lib/db/pglite-pool.ts).
        { pgPool: options.pgPool, noPreparedStatements: true }
      : { connectionString: options.connectionString, maxPoolSize: 4 }),
    concurrency: 1,
    events,
    noHandleSignals: true,
    pollInterval: options.pollIntervalMs ?? 2_000,
    logger: jobLogger,
    taskList,
    parsedCronItems:
      options.cron === false
        ? []
        : parseCronItems(CRON_SCHEDULE.map((item) => ({ task: item.task, match: item.match, identifier: item.identifier, options: { backfillPeriod: 0, maxAttempts: item.maxAttempts } }))),
  });
  if (!poolId) throw new Error("graphile-worker started without a worker pool");
  const workerId = poolId;
  await beat(options.db, workerId);
  let beating = Promise.resolve();
  const timer = setInterval(() => {
    beating = (async () => {
      try {
        await beat(options.db, workerId);
        await releaseDeadWorkers(options.db, heartbeatStaleMs);
      } catch (error) {
        logger.warn({ err: error }, "worker heartbeat failed");
      }
    })();
  }, options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS);
  timer.unref();
  let stopping: Promise<void> | undefined;
  return {
    workerId,
    runner,
    stop() {
      stopping ??= (async () => {
        clearInterval(timer);
        await beating;
        await runner.stop();
        await forgetWorker(options.db, workerId);
      })();
      return stopping;
    },
  };
}
