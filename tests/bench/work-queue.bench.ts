/**
 * Benchmark: the use-cases of the pages caseworkers use all day, in this process on the
 * 100,000-case volume database — the data share of a request. The work queue
 * (lib/server/cases/list-work-queue.ts) and the case page (lib/server/case-page/get-case-page.ts):
 * wall time, and CPU a call. The pages themselves, served by `next start` under 20 concurrent
 * connections, are tests/bench/pages.bench.ts.
 *
 * Run alone: npx tsx tests/bench/work-queue.bench.ts (after tests/bench/volume-database.ts).
 */
import { openDatabase } from "../../lib/db/open";
import { getCasePage } from "../../lib/server/case-page/get-case-page";
import { listWorkQueue } from "../../lib/server/cases/list-work-queue";
import { isMainModule } from "./main-module";
import { cpuPerCall, formatMs, percentile, timeRuns } from "./stats";
import { benchDatabaseUrl, firstOpenCaseOf } from "./volume-database";
import { VOLUME_ORGANISATION_ID, VOLUME_TODAY, VOLUME_USERS, volumeSiteId, volumeUserId } from "./volume-seed";

/** Enough calls for a steady median on a shared machine (V8 has optimised the hot code by then): ~5–12 s a use-case. */
const CPU_RUNS = { warmUp: 1000, batches: 7, perBatch: 100 };

export async function benchWorkQueue(): Promise<void> {
  console.log("\nwork queue and case page use-cases, in process (the data share of a request)");
  const db = await openDatabase({ kind: "postgres", url: benchDatabaseUrl() });
  try {
    const actor = { id: volumeUserId(VOLUME_USERS.caseworker(1)), roles: ["caseworker" as const], organisationId: VOLUME_ORGANISATION_ID };
    const now = new Date(`${VOLUME_TODAY}T10:00:00.000Z`);
    const clock = { today: VOLUME_TODAY, now };
    const report = async (label: string, fn: () => Promise<unknown>) => {
      const times = await timeRuns(fn, { warmUp: 5, runs: 30 });
      const cpu = await cpuPerCall(fn, CPU_RUNS);
      console.log(`  ${label}: p50 ${formatMs(percentile(times, 50))}, p95 ${formatMs(percentile(times, 95))}; CPU ${cpu.toFixed(2)} ms a call`);
    };
    for (const view of ["open", "mine"] as const) {
      await report(`listWorkQueue(${view})`, () => listWorkQueue(db.prisma, actor, { view, page: 1, today: VOLUME_TODAY, now }));
    }
    // The case the pages bench opens, as its overview shows it (caseworkers 1–20 are at the England site).
    const caseId = await firstOpenCaseOf(VOLUME_USERS.caseworker(1));
    const overview = { timeline: false, caseworkers: false, notes: false, contacts: false, sl2: false };
    await report("getCasePage (overview)", () => getCasePage(db.prisma, { ...actor, siteId: volumeSiteId("england") }, caseId, clock, overview));
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
