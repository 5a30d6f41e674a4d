/**
 * Benchmark: 1,000,000 addWorkingDays calls on the working-day calendar (typed-array index,
 * O(1) per call) against a straightforward per-day loop with date-fns (addDays / isWeekend and
 * a Set of holiday strings) on the same inputs. Target: engine ≥ 20x faster and under 0.5 s.
 *
 * Run alone: npx tsx tests/bench/calendar.bench.ts
 */
import { realpathSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { addDays, format, isWeekend, parseISO } from "date-fns";
import { shippedBankHolidays } from "../../lib/calendar/bank-holiday-data";
import { formatIsoDate, parseIsoDate, type IsoDate } from "../../lib/calendar/iso-date";
import { NATIONS, type Nation } from "../../lib/calendar/nations";
import { shippedCalendar } from "../../lib/calendar/working-day-calendar";

const CALLS = 1_000_000;
/** If the date-fns loop would take longer than this for all calls, time a subset and extrapolate. */
const DATE_FNS_BUDGET_SECONDS = 30;
const DATE_FNS_SUBSET = 100_000;
const TARGET_RATIO = 20;
const TARGET_ENGINE_SECONDS = 0.5;
const SEED = 20170413;

/** mulberry32: a tiny seeded PRNG, so every run uses the same inputs. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Inputs {
  dates: IsoDate[];
  counts: Int32Array;
  nations: Nation[];
}

/** Dates 2013-01-01..2026-12-31, n in 1..25, nations mixed. */
function generateInputs(calls: number): Inputs {
  const random = seededRandom(SEED);
  const first = parseIsoDate("2013-01-01");
  const span = parseIsoDate("2026-12-31") - first + 1;
  const dates = new Array<IsoDate>(calls);
  const counts = new Int32Array(calls);
  const nations = new Array<Nation>(calls);
  for (let i = 0; i < calls; i++) {
    dates[i] = formatIsoDate(first + Math.floor(random() * span));
    counts[i] = 1 + Math.floor(random() * 25);
    nations[i] = NATIONS[Math.floor(random() * NATIONS.length)];
  }
  return { dates, counts, nations };
}

/** The straightforward way: walk one day at a time with date-fns. */
function dateFnsAddWorkingDays(iso: IsoDate, n: number, holidays: ReadonlySet<string>): IsoDate {
  let day = parseISO(iso);
  let remaining = n;
  while (remaining > 0) {
    day = addDays(day, 1);
    if (!isWeekend(day) && !holidays.has(format(day, "yyyy-MM-dd"))) remaining--;
  }
  return format(day, "yyyy-MM-dd");
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 3 : 1)} s`;
}

export async function benchCalendar(): Promise<void> {
  const inputs = generateInputs(CALLS);

  const buildStart = performance.now();
  const calendar = shippedCalendar();
  const buildMs = performance.now() - buildStart;

  const holidaySets = new Map<Nation, Set<string>>(NATIONS.map((nation) => [nation, new Set<string>()]));
  for (const holiday of shippedBankHolidays()) holidaySets.get(holiday.nation)?.add(holiday.date);
  const holidaysFor = (nation: Nation): ReadonlySet<string> => holidaySets.get(nation) ?? new Set<string>();

  // Warm both up so the JIT has compiled them before timing.
  for (let i = 0; i < 20_000; i++) calendar.addWorkingDays(inputs.dates[i], inputs.counts[i], inputs.nations[i]);
  for (let i = 0; i < 2_000; i++) dateFnsAddWorkingDays(inputs.dates[i], inputs.counts[i], holidaysFor(inputs.nations[i]));

  const engineResults = new Array<IsoDate>(CALLS);
  const engineStart = performance.now();
  for (let i = 0; i < CALLS; i++) {
    engineResults[i] = calendar.addWorkingDays(inputs.dates[i], inputs.counts[i], inputs.nations[i]);
  }
  const engineMs = performance.now() - engineStart;

  // Time a subset first; run the rest only if the whole would fit the budget.
  const dateFnsResults: IsoDate[] = [];
  const subsetStart = performance.now();
  for (let i = 0; i < DATE_FNS_SUBSET; i++) {
    dateFnsResults.push(dateFnsAddWorkingDays(inputs.dates[i], inputs.counts[i], holidaysFor(inputs.nations[i])));
  }
  const subsetMs = performance.now() - subsetStart;
  let dateFnsMs = subsetMs;
  const projectedMs = (subsetMs * CALLS) / DATE_FNS_SUBSET;
  const extrapolated = projectedMs > DATE_FNS_BUDGET_SECONDS * 1000;
  if (extrapolated) {
    dateFnsMs = projectedMs;
  } else {
    const restStart = performance.now();
    for (let i = DATE_FNS_SUBSET; i < CALLS; i++) {
      dateFnsResults.push(dateFnsAddWorkingDays(inputs.dates[i], inputs.counts[i], holidaysFor(inputs.nations[i])));
    }
    dateFnsMs += performance.now() - restStart;
  }

  // Both must give the same answers on every input the date-fns loop ran.
  for (let i = 0; i < dateFnsResults.length; i++) {
    if (dateFnsResults[i] !== engineResults[i]) {
      throw new Error(
        `Mismatch at call ${i}: ${inputs.dates[i]} + ${inputs.counts[i]} (${inputs.nations[i]}): engine ${engineResults[i]}, date-fns ${dateFnsResults[i]}`,
      );
    }
  }

  const ratio = dateFnsMs / engineMs;
  const pass = ratio >= TARGET_RATIO && engineMs < TARGET_ENGINE_SECONDS * 1000;
  const calls = CALLS.toLocaleString("en-GB");
  const dateFnsLabel = extrapolated
    ? `date-fns loop: ${seconds(dateFnsMs)} (extrapolated from ${DATE_FNS_SUBSET.toLocaleString("en-GB")} calls timed at ${seconds(subsetMs)})`
    : `date-fns loop: ${seconds(dateFnsMs)}`;
  console.log(`calendar build (3 nations, 2000–2099, once): ${seconds(buildMs)}`);
  console.log(
    `date-fns loop, first ${DATE_FNS_SUBSET.toLocaleString("en-GB")} calls: ${seconds(subsetMs)} (projects to ${seconds(projectedMs)} for ${CALLS.toLocaleString("en-GB")}; budget ${DATE_FNS_BUDGET_SECONDS} s, so ${extrapolated ? "extrapolated" : "all calls timed"})`,
  );
  console.log(`results agree on ${dateFnsResults.length.toLocaleString("en-GB")} of ${calls} calls`);
  console.log(
    `engine ${calls} calls: ${seconds(engineMs)}; ${dateFnsLabel}; ratio ${Math.round(ratio)}x; target ≥${TARGET_RATIO}x and <${TARGET_ENGINE_SECONDS} s: ${pass ? "PASS" : "FAIL"}`,
  );
  if (!pass) process.exitCode = 1;
}

function isMainModule(): boolean {
  const invoked = process.argv[1];
  if (!invoked) return false;
  try {
    return realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  benchCalendar().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
