import { formatLongDate, type IsoDate } from "@/lib/calendar/iso-date";
import { dateBeforeProblem, futureDateProblem } from "@/lib/domain/business-dates";
import { CASE_STATE_LABELS, type CaseState } from "@/lib/domain/case-states";

/**
 * "Amend with reason" (docs/rules/states.md: corrections): an administrator corrects a recorded
 * date or undoes the last step of a case, with a reason. Pure rules; the use-cases are
 * lib/server/corrections/amend-case-date.ts and undo-last-step.ts.
 */

/** The dates a correction may change: the ones the clocks and the start measure read (13.13, 13.17, 3.07). */
export const AMENDABLE_DATES = {
  referralDate: "Referral date",
  referralReceivedOn: "Date the referral was received",
  startedOn: "Start date",
  endedOn: "End or exit date",
} as const;
export type AmendableDate = keyof typeof AMENDABLE_DATES;
export const AMENDABLE_DATE_FIELDS = Object.keys(AMENDABLE_DATES) as AmendableDate[];

export type RecordedDates = Record<AmendableDate, IsoDate | null>;

/**
 * Why the correction cannot be made, or null. Only a recorded date can be corrected (a missing
 * one is recorded by its own step); the new date is not in the future, and the dates keep their
 * order: received and started on or after the referral, ended on or after the start.
 */
export function dateAmendmentProblem(recorded: RecordedDates, field: AmendableDate, date: IsoDate, today: IsoDate): string | null {
  const label = AMENDABLE_DATES[field];
  const current = recorded[field];
  if (current === null) return `There is no ${label.toLowerCase()} recorded to correct`;
  if (current === date) return `The ${label.toLowerCase()} is already ${formatLongDate(date)}: enter the corrected date`;
  const future = futureDateProblem(label, date, today);
  if (future) return future;
  const after = { ...recorded, [field]: date };
  const order: [AmendableDate, AmendableDate][] = [
    ["referralReceivedOn", "referralDate"],
    ["startedOn", "referralDate"],
    ["endedOn", "startedOn"],
  ];
  for (const [later, earlier] of order) {
    const laterDate = after[later];
    const earlierDate = after[earlier];
    if (laterDate === null || earlierDate === null || laterDate >= earlierDate) continue;
    if (field === later) return dateBeforeProblem(label, date, earlierDate, `the ${AMENDABLE_DATES[earlier].toLowerCase()}`);
    return `The ${AMENDABLE_DATES[field].toLowerCase()} cannot be after the ${AMENDABLE_DATES[later].toLowerCase()}, ${formatLongDate(laterDate)}: correct that first`;
  }
  return null;
}

/**
 * The case columns a lifecycle step may change, kept in its audit row before it runs so the step
 * can be undone exactly (lib/server/cases/lifecycle/apply-lifecycle-action.ts).
 */
export const UNDOABLE_CASE_COLUMNS = [
  "state",
  "strand",
  "referralDate",
  "referralReceivedOn",
  "initialAssessmentOn",
  "welcomeCallOn",
  "firstMetOn",
  "anticipatedStartOn",
  "anticipatedEndOn",
  "startedOn",
  "endedOn",
  "backOutEmailAt",
  "cancelledAt",
  "closedAt",
  "closureReasonId",
  "closureNote",
] as const;
export type UndoableCaseColumn = (typeof UNDOABLE_CASE_COLUMNS)[number];

/** What the timeline says of a correction: each changed value before → after, and the reason. */
export function correctionSummary(before: Record<string, unknown>, after: Record<string, unknown>, reason: string | null): string {
  const show = (key: string, value: unknown) => {
    if (value === null || value === undefined || value === "") return "none";
    if (key === "state") return CASE_STATE_LABELS[value as CaseState] ?? String(value);
    return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? formatLongDate(String(value) as IsoDate) : String(value);
  };
  const labelOf = (key: string) => (key === "state" ? "State" : AMENDABLE_DATES[key as AmendableDate]);
  const changes = Object.keys(after)
    .filter((key) => (key === "state" || key in AMENDABLE_DATES) && JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map((key) => `${labelOf(key)}: ${show(key, before[key])} → ${show(key, after[key])}`);
  return [...changes, reason ? `Reason: ${reason}` : null].filter(Boolean).join(". ");
}

/** A refusal that tells the user an administrator can correct the case ("amend with reason") gets a link to it. */
export function promisesCorrection(message: string | undefined | null): boolean {
  return typeof message === "string" && /amend with reason/i.test(message);
}

export const amendPath = (casePath: string) => `${casePath}/amend`;
