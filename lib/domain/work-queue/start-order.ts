/**
 * The "Start within 20 working days" order (13.13, 3.07; docs/rules/clocks.md "The 20-working-day
 * start measure"): cases whose start clock still runs come first, fewest working days left first —
 * so the most overdue lead — and cases whose start is met, missed or not running follow, by
 * reference. The database does the same with two ordered segments (lib/server/cases/list-work-queue.ts);
 * lists that are loaded whole (the nominated officer's queue) sort with this.
 */
import type { Clock } from "../deadlines";
import { urgencyOfClockState } from "../urgency";

export interface StartOrdered {
  reference: string;
  startClock: Clock | null;
}

/** True while the start clock runs: not yet started, case open. */
export function startClockRunning(clock: Clock | null): boolean {
  return clock !== null && urgencyOfClockState(clock.state) !== null;
}

export function compareByStartDeadline(a: StartOrdered, b: StartOrdered): number {
  const aRunning = startClockRunning(a.startClock);
  const bRunning = startClockRunning(b.startClock);
  if (aRunning !== bRunning) return aRunning ? -1 : 1;
  if (aRunning && bRunning) {
    const aDue = a.startClock?.dueOn ?? "9999-12-31";
    const bDue = b.startClock?.dueOn ?? "9999-12-31";
    if (aDue !== bDue) return aDue < bDue ? -1 : 1;
  }
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}
