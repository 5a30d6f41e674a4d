import type { PrismaClient } from "@/lib/db/prisma";
import type { Mailer } from "../reminders/mailer";

/** What every task is handed by the worker (lib/server/jobs/start-job-worker.ts). */
export interface JobContext {
  db: PrismaClient;
  /** The clock; tests pin it. */
  now(): Date;
  /** null when SMTP_URL is not set: digests are then in-app only. */
  mailer: Mailer | null;
  /** The base URL put in e-mails (APP_URL; the sign-in link). */
  appUrl: string;
  /** The job's key and attempt number, for logging. */
  job: { id: string; key: string | null; attempts: number };
  /** Test seam: called after each digest row is committed (the crash test kills the process here). */
  onDigestWritten?: () => void;
}

/** A task: its payload is untrusted JSON from the queue, so each task parses it with zod first. */
export type JobTask = (payload: unknown, context: JobContext) => Promise<void>;
