/**
 * Benchmark: the work queue's use-case (lib/server/cases/list-work-queue.ts) in this process on the
 * 100,000-case volume database — the data share of a request. The pages themselves, served by
 * `next start` under 20 concurrent connections, are tests/bench/pages.bench.ts.
 *
 * Run alone: npx tsx tests/bench/work-queue.bench.ts (after tests/bench/volume-database.ts).
 */
import { openDatabase } from "../../lib/db/open";
import { listWorkQueue } from "../../lib/server/cases/list-work-queue";
import { isMainModule } from "./main-module";
import { formatMs, percentile, timeRuns } from "./stats";
import { benchDatabaseUrl } from "./volume-database";
import { VOLUME_ORGANISATION_ID, VOLUME_TODAY, VOLUME_USERS, volumeUserId } from "./volume-seed";

export async function benchWorkQueue(): Promise<void> {
  console.log("\nwork queue use-case, in process (the data share of a request)");
  const db = await openDatabase({ kind: "postgres", url: benchDatabaseUrl() });
  try {
    const actor = { id: volumeUserId(VOLUME_USERS.caseworker(1)), roles: ["caseworker" as const], organisationId: VOLUME_ORGANISATION_ID };
    const now = new Date(`${VOLUME_TODAY}T10:00:00.000Z`);
    for (const view of ["open", "mine"] as const) {
      const times = await timeRuns(() => listWorkQueue(db.prisma, actor, { view, page: 1, today: VOLUME_TODAY, now }), { warmUp: 5, runs: 30 });
      console.log(`  listWorkQueue(${view}): p50 ${formatMs(percentile(times, 50))}, p95 ${formatMs(percentile(times, 95))}`);
    }
  } finally {
    await db.close();
  }
}

if (isMainModule(import.meta.url)) {
  benchWorkQueue().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
