import type { TestDatabase } from "../../support/test-database";
import { startJobWorker } from "@/lib/server/jobs/start-job-worker";
import { TASKS } from "@/lib/server/jobs/task-registry";
import { NOW, waitFor } from "./job-fixtures";

/**
 * Run a real worker (graphile-worker, the registered tasks, no cron) on the test database until no
 * job of the given tasks is left in the queue, then stop it: "the worker runs the job".
 */
export async function drainJobs(db: TestDatabase, tasks: readonly string[], now: () => Date = () => NOW): Promise<void> {
  const worker = await startJobWorker({ connectionString: db.url!, db: db.prisma, mailer: null, cron: false, pollIntervalMs: 100, now, tasks: TASKS });
  try {
    await waitFor(
      async () => {
        const [row] = await db.prisma.$queryRaw<{ left: number }[]>`
          SELECT count(*)::int AS left FROM graphile_worker.jobs WHERE task_identifier = ANY(${[...tasks]}::text[])`;
        return row.left === 0;
      },
      30_000,
      `jobs ${tasks.join(", ")} to finish`,
    );
  } finally {
    await worker.stop();
  }
}
