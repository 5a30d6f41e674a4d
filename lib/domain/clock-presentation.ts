/**
 * How a clock shows as a tag: words first, colour second. The text alone carries the
 * meaning (WCAG 2.2 1.4.1, use of colour); the colour is a GOV.UK tag modifier name
 * (`govuk-tag--<colour>`).
 */
import { ukTimeOfInstant, type Clock, type ClockState } from "./deadlines";
import { URGENCY_SCHEME, urgencyDetail, urgencyOfClockState } from "./urgency";

export type ClockTagColour = "grey" | "blue" | "yellow" | "orange" | "red" | "green";

/**
 * A clock's tag. An open clock reads as its urgency level, in the one scheme's words and colour
 * (lib/domain/urgency.ts); a clock that has stopped reads as its outcome.
 */
export function clockTagText(clock: Clock): string {
  const level = urgencyOfClockState(clock.state);
  if (level !== null) return URGENCY_SCHEME[level].label;
  switch (clock.state) {
    case "met_on_time":
      return "Met on time";
    case "met_late":
      return "Met late";
    case "not_met":
      return "Not met";
    case "missed":
      return "Missed";
    default:
      return "Not applicable";
  }
}

/** The words beside an open clock's tag: how late, or how long is left ("2 working days left", "by 11am"). */
export function clockTagDetail(clock: Clock): string | null {
  const level = urgencyOfClockState(clock.state);
  if (level === null) return null;
  // The 24-hour back-out clock (13.35, 3.15) counts hours: name the UK time it runs out.
  const dueByTime = clock.dueAt === null ? null : ukTimeOfInstant(clock.dueAt);
  return urgencyDetail(level, clock.workingDaysRemaining, dueByTime);
}

/** Outcomes of a clock that has stopped; open clocks take their colour from the urgency scheme. */
const OUTCOME_COLOURS: Readonly<Partial<Record<ClockState, ClockTagColour>>> = {
  not_applicable: "grey",
  met_on_time: "green",
  // Done, so no action is needed (not red), but the target was missed (not green): orange
  // flags it for a manager's eye. The text "Met late" says which.
  met_late: "orange",
  // Nothing left to do, but the case never had it (3.07): red text-and-colour, never "not applicable".
  not_met: "red",
  missed: "red",
};

export function clockTagColour(clock: Clock): ClockTagColour {
  const level = urgencyOfClockState(clock.state);
  if (level !== null) return URGENCY_SCHEME[level].colour;
  return OUTCOME_COLOURS[clock.state] ?? "grey";
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
