/**
 * THE urgency scheme: one set of words and colours for "how soon must this be done", used by the
 * work queue, the case page, the dashboard and "My cases due" alike (docs/rules/clocks.md "Due
 * soon"; docs/decisions/0017-work-queue-urgency-and-bulk-reassignment.md).
 *
 * Four levels, most urgent first. The words alone carry the meaning (WCAG 2.2 1.4.1); the colour is
 * a GOV.UK tag modifier name and only a second cue.
 *
 * Pure and free of runtime imports, so lib/domain/deadlines.ts can take its windows from here.
 */
import type { ClockState } from "./deadlines";

export const URGENCY_LEVELS = ["overdue", "due_today", "due_soon", "not_yet_due"] as const;
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];

export type UrgencyColour = "red" | "orange" | "yellow" | "blue";

export const URGENCY_SCHEME: Readonly<Record<UrgencyLevel, { label: string; colour: UrgencyColour }>> = {
  overdue: { label: "Overdue", colour: "red" },
  due_today: { label: "Due today", colour: "orange" },
  due_soon: { label: "Due soon", colour: "yellow" },
  not_yet_due: { label: "Not yet due", colour: "blue" },
};

/**
 * The 24-hour back-out clock (13.35, 3.15) counts clock hours, not working days: it is "due soon"
 * in its last 8 hours. Working-day clocks use the Settings window `deadline.dueSoonWorkingDays`.
 */
export const BACK_OUT_DUE_SOON_HOURS = 8;

/** The urgency of an open clock; null once it no longer runs (met, missed, not applicable). */
export function urgencyOfClockState(state: ClockState): UrgencyLevel | null {
  return (URGENCY_LEVELS as readonly string[]).includes(state) ? (state as UrgencyLevel) : null;
}

/**
 * The urgency of a date-only deadline from its working days left (negative once past): for lists
 * that hold a due date without a full clock, such as the dashboard's "Next action due".
 */
export function urgencyOfWorkingDays(workingDaysRemaining: number, dueSoonWorkingDays: number): UrgencyLevel {
  if (workingDaysRemaining < 0) return "overdue";
  if (workingDaysRemaining === 0) return "due_today";
  return workingDaysRemaining <= dueSoonWorkingDays ? "due_soon" : "not_yet_due";
}

/** The urgency of an instant deadline (the 24-hour clock) at `nowMs`. */
export function urgencyOfInstant(dueMs: number, nowMs: number): UrgencyLevel {
  if (nowMs > dueMs) return "overdue";
  return dueMs - nowMs < BACK_OUT_DUE_SOON_HOURS * 60 * 60 * 1000 ? "due_soon" : "not_yet_due";
}

function workingDays(count: number): string {
  return `${count} working ${count === 1 ? "day" : "days"}`;
}

/**
 * The plain words that go beside the tag: how late, or how long is left. Null when the level says
 * it all. `dueByTime` is the UK time an instant deadline falls due ("11am").
 */
export function urgencyDetail(level: UrgencyLevel, workingDaysRemaining: number | null, dueByTime: string | null = null): string | null {
  if (dueByTime !== null) return level === "overdue" ? `was due by ${dueByTime}` : `by ${dueByTime}`;
  if (workingDaysRemaining === null) return null;
  if (level === "overdue") return `by ${workingDays(-workingDaysRemaining)}`;
  if (level === "due_today") return null;
  return `${workingDays(workingDaysRemaining)} left`;
}
