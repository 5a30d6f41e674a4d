/**
 * How long sign-in waits after failures in a row for one email (docs/security.md AU-02;
 * docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md). The first few failures cost
 * nothing (typing mistakes); after that each failure doubles the wait before the next attempt, up
 * to a cap; the failure that reaches the lock threshold locks the account for the lock period.
 * Attempts during a wait are refused without being counted, so no one can lengthen it.
 */
export const SIGN_IN_DELAY = {
  freeFailures: 3,
  firstDelaySeconds: 1,
  maxDelaySeconds: 60,
  /** Failures in a row older than this are forgotten. */
  forgetAfterHours: 24,
} as const;

export function secondsBeforeNextAttempt(failuresInARow: number, policy: { lockAfterFailures: number; lockMinutes: number }): number {
  if (failuresInARow >= policy.lockAfterFailures) return policy.lockMinutes * 60;
  if (failuresInARow < SIGN_IN_DELAY.freeFailures) return 0;
  const doubled = SIGN_IN_DELAY.firstDelaySeconds * 2 ** (failuresInARow - SIGN_IN_DELAY.freeFailures);
  return Math.min(doubled, SIGN_IN_DELAY.maxDelaySeconds);
}
