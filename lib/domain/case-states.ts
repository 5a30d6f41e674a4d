/** Case states (docs/rules/states.md), as in prisma/schema.prisma's CaseState enum. */
export const CASE_STATES = [
  "introduced",
  "introduction_accepted",
  "provision_full",
  "not_eligible",
  "referred",
  "acknowledged",
  "assessment_booked",
  "recommended",
  "not_suitable",
  "accepted",
  "started",
  "backed_out",
  "completed",
  "left_early",
  "rejected",
  "cancelled",
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States that end the case: its open clocks stop. */
export const CLOSED_STATES: ReadonlySet<CaseState> = new Set<CaseState>([
  "provision_full",
  "not_eligible",
  "not_suitable",
  "completed",
  "left_early",
  "rejected",
  "cancelled",
]);

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  introduced: "Introduced",
  introduction_accepted: "Introduction accepted",
  provision_full: "Provision full",
  not_eligible: "Not eligible",
  referred: "Referred",
  acknowledged: "Acknowledged",
  assessment_booked: "Initial Assessment booked",
  recommended: "Recommended",
  not_suitable: "Not suitable",
  accepted: "Accepted",
  started: "Started",
  backed_out: "Backed out",
  completed: "Completed",
  left_early: "Left early",
  rejected: "Rejected",
  cancelled: "Cancelled",
};

export function isClosedState(state: CaseState): boolean {
  return CLOSED_STATES.has(state);
}
