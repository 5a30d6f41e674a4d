/**
 * 3.08: a customer the provider is "unable to contact after multiple attempts (usually classed
 * as 3)" may no longer be suitable. Contact attempts are not lifecycle actions; these helpers
 * decide when the case page prompts the "unable to contact" path (speak to the referring
 * DEA/Work Coach; if they agree, reject with "customer no longer suitable"; if not, accept — 3.10).
 */

/** docs/rules/decisions.md: the threshold is a setting, default 3 (3.08 "usually classed as 3"). */
export const DEFAULT_UNABLE_TO_CONTACT_THRESHOLD = 3;

/** As prisma/schema.prisma's enum ContactOutcome. */
export type ContactOutcome = "successful" | "no_answer" | "message_left" | "wrong_number" | "declined";

/**
 * Attempts that did not reach the person. "declined" did reach them: it is the "no longer wishes
 * to take part" path of 3.08, not "unable to contact".
 */
export const UNSUCCESSFUL_CONTACT_OUTCOMES: ReadonlySet<ContactOutcome> = new Set<ContactOutcome>([
  "no_answer",
  "message_left",
  "wrong_number",
]);

function wholeNumber(value: number, name: string, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be a whole number ≥ ${minimum}, got ${String(value)}`);
  }
}

/** True from the threshold-th unsuccessful attempt on (the 3rd by default) (3.08). */
export function unableToContactPrompt(failedAttempts: number, threshold: number = DEFAULT_UNABLE_TO_CONTACT_THRESHOLD): boolean {
  wholeNumber(failedAttempts, "failedAttempts", 0);
  wholeNumber(threshold, "threshold", 1);
  return failedAttempts >= threshold;
}

/**
 * Unsuccessful attempts since the person was last reached, from outcomes in the order the
 * attempts were made: a successful contact (or a "declined") starts the count again.
 */
export function failedAttemptsSinceLastContact(outcomesInOrder: readonly ContactOutcome[]): number {
  let count = 0;
  for (const outcome of outcomesInOrder) {
    count = UNSUCCESSFUL_CONTACT_OUTCOMES.has(outcome) ? count + 1 : 0;
  }
  return count;
}
