import type { AnswerRow, StepWrites } from "../step";
import type { NoInput } from "../step";

/**
 * Both cancellations close the referral with the reason "Did Not Start" (13.34, 13.35, 3.14,
 * 3.15): the same check-answers row and the same writes, the cancellation's own instant included.
 */
export const DID_NOT_START_ANSWERS: { warning: boolean; rows(): AnswerRow[] } = {
  warning: true,
  rows: () => [{ key: "Reason", value: "Did Not Start" }],
};

export const DID_NOT_START_WRITES: StepWrites<NoInput> = {
  closureReason: { kind: "cancellation", code: () => "did_not_start" },
  case: (_input, now) => ({ cancelledAt: now }),
};
