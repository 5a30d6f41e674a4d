import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { jobQueueAvailable } from "./enqueue-job";

type SqlRunner = Pick<PrismaClient | Prisma.TransactionClient, "$queryRaw">;

/**
 * The one decision "can this work go off the request?" (docs/decisions/0022-background-jobs.md):
 * yes when the database has the job queue, so a worker will run what a use-case enqueues — on
 * PostgreSQL, and on the embedded database, whose worker runs inside the server
 * (docs/decisions/0025-jobs-on-the-embedded-database.md). A database without the queue's schema
 * (one migrated before it existed, or a test that leaves it out) does the work inline.
 */
export async function canQueueJobs(db: SqlRunner): Promise<boolean> {
  return jobQueueAvailable(db);
}
