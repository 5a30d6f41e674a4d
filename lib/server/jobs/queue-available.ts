import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { jobQueueAvailable } from "./enqueue-job";

type SqlRunner = Pick<PrismaClient | Prisma.TransactionClient, "$queryRaw">;

/**
 * The one decision "can this work go off the request?" (docs/decisions/0022-background-jobs.md):
 * yes when the database has the job queue, so a worker will run what a use-case enqueues. On
 * PostgreSQL it has; on the embedded database (PGlite) it has not, and the caller does the work
 * inline, as before. Giving the embedded database a queue changes this function only.
 */
export async function canQueueJobs(db: SqlRunner): Promise<boolean> {
  return jobQueueAvailable(db);
}
