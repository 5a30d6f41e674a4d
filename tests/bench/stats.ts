/** Nearest-rank percentile of an ascending list (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** Speed targets are reported, never asserted: a miss does not fail `npm run bench`. */
export function verdict(pass: boolean): "PASS" | "MISS" {
  return pass ? "PASS" : "MISS";
}

/** Time `fn` `runs` times after `warmUp` untimed calls; sorted milliseconds. */
export async function timeRuns(fn: () => Promise<unknown>, options: { warmUp: number; runs: number }): Promise<number[]> {
  for (let i = 0; i < options.warmUp; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/**
 * CPU milliseconds a call of `fn` in this process (`process.cpuUsage`: the JavaScript thread, V8's
 * helper threads and the kernel's share of the driver's socket writes), the median of `batches`
 * batches of `perBatch` calls after `warmUp` untimed calls. Wall time on a shared machine moves
 * with its load; CPU a call moves far less, so it tells two versions of a use-case apart where the
 * pages bench cannot (docs/decisions/0035-work-queue-page-cost.md, last amendment).
 */
export async function cpuPerCall(fn: () => Promise<unknown>, options: { warmUp: number; batches: number; perBatch: number }): Promise<number> {
  for (let i = 0; i < options.warmUp; i++) await fn();
  const perCall: number[] = [];
  for (let batch = 0; batch < options.batches; batch++) {
    const before = process.cpuUsage();
    for (let i = 0; i < options.perBatch; i++) await fn();
    const used = process.cpuUsage(before);
    perCall.push((used.user + used.system) / 1000 / options.perBatch);
  }
  return percentile(perCall.sort((a, b) => a - b), 50);
}
