// `npm run bench`: benchmarks print figures and PASS/MISS against their targets; they never
// assert timings inside the test suite, and a MISS does not fail the run (README "Speed at scale").
// 1. the working-day calendar; 2. the 100,000-case volume database (seeded once, kept);
// 3. the manager dashboard's server time against hand-written SQL; 4. the work queue's and the case
// page's use-cases in process (wall time and CPU a call); 5. the pages caseworkers use all day under
// 20 concurrent connections, beside the floor;
// 6. bulk import and reconciliation.
import { benchCalendar } from "./calendar.bench";
import { benchDashboard } from "./dashboard.bench";
import { benchImport } from "./import.bench";
import { benchPages } from "./pages.bench";
import { prepareVolumeDatabase } from "./volume-database";
import { benchWorkQueue } from "./work-queue.bench";

const started = performance.now();
// BENCH_ONLY=imports: the bulk import and reconciliation alone (on the volume database, seeded once).
const only = process.env.BENCH_ONLY?.trim();
if (only === "imports") {
  await prepareVolumeDatabase();
  console.log("");
  await benchImport();
  console.log(`\nnpm run bench (imports only) finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.exit(process.exitCode ?? 0);
}
await benchCalendar();
console.log("");
await prepareVolumeDatabase();
await benchDashboard();
await benchWorkQueue();
await benchPages();
console.log("");
await benchImport();
console.log(`\nnpm run bench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
