/**
 * How a clock shows as a tag: words first, colour second. The text alone carries the
 * meaning (WCAG 2.2 1.4.1, use of colour); the colour is a GOV.UK tag modifier name
 * (`govuk-tag--<colour>`).
 */
import { ukTimeOfInstant, type Clock, type ClockState } from "./deadlines";

export type ClockTagColour = "grey" | "blue" | "yellow" | "orange" | "red" | "green";

function workingDays(count: number): string {
  return `${count} working ${count === 1 ? "day" : "days"}`;
}

export function clockTagText(clock: Clock): string {
  switch (clock.state) {
    case "not_applicable":
      return "Not applicable";
    case "not_yet_due":
      return "Not yet due";
    case "due_soon": {
      if (clock.workingDaysRemaining !== null) return `Due in ${workingDays(clock.workingDaysRemaining)}`;
      // The 24-hour back-out clock (13.35, 3.15) counts hours: name the time it runs out.
      return clock.dueAt === null ? "Due soon" : `Due by ${ukTimeOfInstant(clock.dueAt)}`;
    }
    case "due_today":
      return "Due today";
    case "overdue":
      return clock.workingDaysRemaining !== null && clock.workingDaysRemaining < 0
        ? `Overdue by ${workingDays(-clock.workingDaysRemaining)}`
        : "Overdue";
    case "met_on_time":
      return "Met on time";
    case "met_late":
      return "Met late";
    case "not_met":
      return "Not met";
    case "missed":
      return "Missed";
  }
}

const COLOURS: Readonly<Record<ClockState, ClockTagColour>> = {
  not_applicable: "grey",
  not_yet_due: "blue",
  due_soon: "yellow",
  due_today: "orange",
  overdue: "red",
  met_on_time: "green",
  // Done, so no action is needed (not red), but the target was missed (not green): orange
  // flags it for a manager's eye. The text "Met late" says which.
  met_late: "orange",
  // Nothing left to do, but the case never had it (3.07): red text-and-colour, never "not applicable".
  not_met: "red",
  missed: "red",
};

export function clockTagColour(clock: Clock): ClockTagColour {
  return COLOURS[clock.state];
}

/** Lower is more urgent; closed-out states are never "most urgent". */
const URGENCY: Readonly<Partial<Record<ClockState, number>>> = {
  overdue: 0,
  due_today: 1,
  due_soon: 2,
  not_yet_due: 3,
};

/**
 * The open clock that needs attention first: overdue before due today before due soon before
 * not yet due; within a state the earliest due date (then due instant) first, then table
 * order. Null when no clock is open.
 */
export function mostUrgentClock(clocks: readonly Clock[]): Clock | null {
  let best: Clock | null = null;
  for (const clock of clocks) {
    const rank = URGENCY[clock.state];
    if (rank === undefined) continue;
    if (best === null) {
      best = clock;
      continue;
    }
    const bestRank = URGENCY[best.state] ?? Number.POSITIVE_INFINITY;
    if (rank !== bestRank) {
      if (rank < bestRank) best = clock;
      continue;
    }
    const dueOn = clock.dueOn ?? "9999-12-31";
    const bestDueOn = best.dueOn ?? "9999-12-31";
    if (dueOn !== bestDueOn) {
      if (dueOn < bestDueOn) best = clock;
      continue;
    }
    // Same date: an instant deadline (back-out) falls within the day, so it comes first.
    if (clock.dueAt !== null && best.dueAt === null) best = clock;
    else if (clock.dueAt !== null && best.dueAt !== null && Date.parse(clock.dueAt) < Date.parse(best.dueAt)) {
      best = clock;
    }
  }
  return best;
}
