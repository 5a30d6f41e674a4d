import { openDatabase, openPglite } from "@/lib/db/open";
import { pglitePool } from "@/lib/db/pglite-pool";
import { resolveAppDatabaseTarget } from "@/lib/db/target";
import { logger } from "@/lib/log/logger";
import { createMailer } from "../reminders/mailer";
import { startJobWorker, type JobWorker, type JobWorkerOptions } from "./start-job-worker";
import { releaseEveryWorker } from "./worker-heartbeat";

// One worker per server process, whatever the number of bundles that import this module.
const holder = globalThis as typeof globalThis & { __sesEmbeddedWorker?: Promise<JobWorker | null> };

/**
 * On the embedded database (no DATABASE_URL) the server process owns the PGlite data folder, so
 * it also runs the job worker: the same task registry and cron schedule as `npm run worker`,
 * through a `pg`-shaped pool over the same PGlite instance whose transactions never interleave
 * with the app's (lib/db/pglite-pool.ts; docs/decisions/0025-jobs-on-the-embedded-database.md).
 * Does nothing on PostgreSQL, where workers are their own processes, or when SES_WORKER=0.
 */
export function startEmbeddedJobWorker(
  env: NodeJS.ProcessEnv = process.env,
  /** Tests only: a clock, tasks, a poll interval. */
  overrides: Partial<Pick<JobWorkerOptions, "now" | "tasks" | "pollIntervalMs" | "cron" | "mailer">> = {},
): Promise<JobWorker | null> {
  holder.__sesEmbeddedWorker ??= (async () => {
    const target = resolveAppDatabaseTarget(env);
    if (target.kind !== "pglite" || env.SES_WORKER === "0") return null;
    const pglite = await openPglite(target.dataDir);
    // A second Prisma client over the same instance: PGlite's own lock serialises the two.
    const { prisma } = await openDatabase(target);
    const released = await releaseEveryWorker(prisma);
    if (released > 0) logger.info({ released }, "released the jobs of a previous server process");
    const mailer = overrides.mailer === undefined ? createMailer(env) : overrides.mailer;
    const worker = await startJobWorker({ pgPool: pglitePool(pglite), db: prisma, ...overrides, mailer });
    logger.info({ workerId: worker.workerId, mailer: mailer ? "on" : "off" }, "background jobs: running in the server on the embedded database");
    return worker;
  })();
  return holder.__sesEmbeddedWorker;
}

/** Stop taking jobs and let the running one finish (docs/security.md SO-07). */
export async function stopEmbeddedJobWorker(): Promise<void> {
  const started = holder.__sesEmbeddedWorker;
  holder.__sesEmbeddedWorker = undefined;
  const worker = await started?.catch(() => null);
  await worker?.stop();
}
