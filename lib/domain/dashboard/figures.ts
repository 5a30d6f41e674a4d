import type { IsoDate } from "@/lib/calendar/iso-date";
import type { CaseState } from "@/lib/domain/case-states";

/**
 * The start target (13.13, 3.07): start within 20 working days of the referral (SCR: of the SL2
 * being received). The measure counts every referral whose stored start deadline (`startDueOn`)
 * falls in the period and has an outcome: it started ON TIME (startedOn <= startDueOn), started
 * LATE, or was NOT STARTED by the deadline — including referrals rejected, cancelled or found not
 * suitable after the deadline passed. Only a referral closed BEFORE its deadline, in one of
 * ENDED_WITHOUT_START_STATES, leaves the denominator, and the dashboard lists those by reason.
 * Each case belongs to its deadline's month (docs/rules/clocks.md#the-20-working-day-start-measure).
 */
export interface StartTargetFigure {
  measured: number;
  onTime: number;
  /** Started, but after the deadline. */
  startedLate: number;
  /** Deadline passed and still not started. */
  missedNotStarted: number;
  /** onTime / measured, or null when nothing was measured. */
  share: number | null;
}

export interface StartTargetCounts {
  measured: number;
  onTime: number;
  startedLate: number;
}

export function startTargetFigure(counts: StartTargetCounts): StartTargetFigure {
  const measured = Number(counts.measured);
  const onTime = Number(counts.onTime);
  const startedLate = Number(counts.startedLate);
  return { measured, onTime, startedLate, missedNotStarted: measured - onTime - startedLate, share: measured === 0 ? null : onTime / measured };
}

/** "83%" (whole per cent, rounded half up), or "No cases measured". */
export function formatShare(share: number | null): string {
  if (share === null) return "No cases measured";
  return `${Math.round(share * 100)}%`;
}

/**
 * States in which a case that never started may leave the start-target measure, if it closed
 * before its deadline (13.13; docs/rules/clocks.md#the-20-working-day-start-measure): rejected
 * (made in error, or unsuitable with the DEA/Work Coach's agreement, 3.08), cancelled (Did Not
 * Start, 3.10), not suitable at the Initial Assessment (13.18), not eligible or provision full at
 * an SRO introduction (13.47). A backed-out start (13.35) is not among them: it waits for its
 * cancellation and is then "cancelled".
 */
export const ENDED_WITHOUT_START_STATES = [
  "provision_full",
  "not_eligible",
  "not_suitable",
  "rejected",
  "cancelled",
] as const satisfies readonly CaseState[];

/** States of open cases still waiting to start (the at-risk list): not closed, not started, not backed out. */
export const AWAITING_START_STATES = [
  "introduced",
  "introduction_accepted",
  "referred",
  "acknowledged",
  "assessment_booked",
  "recommended",
  "accepted",
] as const satisfies readonly CaseState[];

/** Open cases: every state but the closed ones (lib/domain/case-states CLOSED_STATES). */
export const OPEN_STATES = [...AWAITING_START_STATES, "started", "backed_out"] as const satisfies readonly CaseState[];

/** The at-risk list's "within N working days" window. */
export const AT_RISK_WINDOW_WORKING_DAYS = 5;

export type StartRisk = "missed" | "due_today" | "at_risk" | "on_track";

/** Where a not-yet-started case stands against its start deadline, from the working days left. */
export function startRisk(workingDaysLeft: number, dueOn: IsoDate, today: IsoDate): StartRisk {
  if (today > dueOn) return "missed";
  if (today === dueOn) return "due_today";
  return workingDaysLeft <= AT_RISK_WINDOW_WORKING_DAYS ? "at_risk" : "on_track";
}

/** Text that says it all without colour (UX-06). */
export function startRiskText(risk: StartRisk, workingDaysLeft: number): string {
  const days = (n: number) => `${n} working ${n === 1 ? "day" : "days"}`;
  switch (risk) {
    case "missed":
      return `Missed: ${days(Math.abs(workingDaysLeft))} overdue`;
    case "due_today":
      return "Must start today";
    case "at_risk":
      return `At risk: ${days(workingDaysLeft)} left`;
    case "on_track":
      return `${days(workingDaysLeft)} left`;
  }
}

export type NextActionId = "initial_assessment" | "forms_chase" | "ucpr1_duplicate" | "welcome_call";

export const NEXT_ACTION_LABELS: Record<NextActionId, string> = {
  initial_assessment: "Initial Assessment (meet within 10 working days, 13.17)",
  forms_chase: "Contact the JCP SPoC: UC452 or UCPR1 not received by the 4th working day from the referral date (13.14)",
  ucpr1_duplicate: "Ask the JCP SPoC for a duplicate UCPR1 (within 4 working days of receiving the referral, 13.67)",
  welcome_call: "Welcome call (within 5 working days, 3.07)",
};

/** The stored columns the next action is read from (never recomputed here). */
export interface NextActionInput {
  meetDueOn: IsoDate | null;
  initialAssessmentOn: IsoDate | null;
  firstMetOn: IsoDate | null;
  formsChaseDueOn: IsoDate | null;
  ucpr1DuplicateDueOn: IsoDate | null;
  ucpr1DuplicateRequestedOn: IsoDate | null;
  uc452ReceivedOn: IsoDate | null;
  ucpr1ReceivedOn: IsoDate | null;
  spocChasedOn: IsoDate | null;
  welcomeCallDueOn: IsoDate | null;
  welcomeCallOn: IsoDate | null;
}

export interface NextAction {
  id: NextActionId;
  label: string;
  dueOn: IsoDate;
}

/**
 * The soonest action still to do before the start, from the stored due dates: the forms chase
 * (13.14) until both forms arrived or the SPoC was contacted; the UCPR1 duplicate request (13.67)
 * until the UCPR1 arrived or a duplicate was requested; the welcome call (3.07) until
 * made; the Initial Assessment / first meeting (13.17) until held — due on the booked IA date
 * when it is earlier than the 10-working-day limit. Null when none is outstanding.
 */
export function nextActionDue(input: NextActionInput): NextAction | null {
  const candidates: NextAction[] = [];
  const formsIn = input.uc452ReceivedOn !== null && input.ucpr1ReceivedOn !== null;
  // Two obligations, two tasks (docs/rules/clocks.md): the forms chase (13.14) until both forms
  // arrived or the SPoC was contacted; the duplicate request (13.67) until the UCPR1 arrived or a
  // duplicate was asked for.
  if (input.formsChaseDueOn && !formsIn && !input.spocChasedOn) {
    candidates.push({ id: "forms_chase", label: NEXT_ACTION_LABELS.forms_chase, dueOn: input.formsChaseDueOn });
  }
  if (input.ucpr1DuplicateDueOn && input.ucpr1ReceivedOn === null && !input.ucpr1DuplicateRequestedOn) {
    candidates.push({ id: "ucpr1_duplicate", label: NEXT_ACTION_LABELS.ucpr1_duplicate, dueOn: input.ucpr1DuplicateDueOn });
  }
  if (input.welcomeCallDueOn && !input.welcomeCallOn) {
    candidates.push({ id: "welcome_call", label: NEXT_ACTION_LABELS.welcome_call, dueOn: input.welcomeCallDueOn });
  }
  if (!input.firstMetOn && (input.meetDueOn || input.initialAssessmentOn)) {
    const dates = [input.meetDueOn, input.initialAssessmentOn].filter((date): date is IsoDate => date !== null).sort();
    candidates.push({ id: "initial_assessment", label: NEXT_ACTION_LABELS.initial_assessment, dueOn: dates[0] });
  }
  candidates.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  return candidates[0] ?? null;
}

/** A labelled count for breakdown tables and bar charts. */
export interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** A count of closed cases by state and closure reason (the reason's id, or "none"). */
export interface ReasonCountRow extends CountRow {
  state: string;
  reasonId: string;
}

/** Width of a bar as a percentage of the largest value (0 when everything is 0). */
export function barPercent(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(1, Math.round((value / max) * 100));
}
