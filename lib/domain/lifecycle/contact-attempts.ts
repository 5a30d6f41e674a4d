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

/**
 * 3.08: where the "unable to contact" route is allowed at all — a 2017 PRaP referral not yet started
 * (referred, or accepted: the safeguard holds after acceptance too, 3.14). Not a 2016 case (Ch13
 * decides unsuitability at the Initial Assessment, 13.28–13.31), not an SCR case (clerical, 3.31).
 */
export function unableToContactRouteOpen(facts: { ruleset: string; state: string; route: string; restrictionTier: string }): boolean {
  if (facts.ruleset !== "ses_2017" || facts.restrictionTier === "scr" || facts.route === "scr_clerical") return false;
  return facts.state === "referred" || facts.state === "accepted";
}

/** The case page's prompt: only where the route is allowed, from the administrator's threshold (3.08). */
export function unableToContactPromptFor(
  facts: { ruleset: string; state: string; route: string; restrictionTier: string },
  failedAttempts: number,
  threshold: number,
): boolean {
  return unableToContactRouteOpen(facts) && unableToContactPrompt(failedAttempts, threshold);
}
