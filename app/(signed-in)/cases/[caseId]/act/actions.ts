"use server";

import type { z } from "zod";
import { authorisedAction, type ActionDatabase } from "@/lib/server/actions/authorised-action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { actionSlug, lifecycleFormSchema, type LifecycleFormAction } from "@/lib/domain/forms/lifecycle-forms";
import type { LifecycleInputs } from "@/lib/domain/referral-lifecycle";
import { applyLifecycleAction } from "@/lib/server/cases/lifecycle/apply-lifecycle-action";

/**
 * One server action per lifecycle step (a "use server" module exports async functions only).
 * Each is visibly built with authorisedAction (the CS-04 static check reads this file); the
 * arguments come from lifecycleActionArguments. Each parses its own strict form; the use-case
 * asks the state machine, so a step the case cannot take now is refused with the state machine's
 * message, whatever was posted.
 */
function lifecycleActionArguments<A extends LifecycleFormAction>(action: A) {
  const options = { name: `lifecycle.${action}`, permission: "update:case:any" as const, schema: lifecycleFormSchema(action) };
  const handler = async (parsed: z.output<typeof options.schema>, user: CurrentUser, db: ActionDatabase) => {
    const now = new Date();
    await applyLifecycleAction(
      db,
      user,
      { caseId: parsed.caseId, version: parsed.version, action, input: parsed.input as LifecycleInputs[A] },
      { today: todayInLondon(now), now },
    );
    return { redirectTo: `/cases/${parsed.caseId}?done=${actionSlug(action)}` };
  };
  return [options, handler] as const;
}

export const acknowledgeAction = authorisedAction(...lifecycleActionArguments("acknowledge"));
export const bookInitialAssessmentAction = authorisedAction(...lifecycleActionArguments("book_initial_assessment"));
export const recordAssessmentRecommendedAction = authorisedAction(...lifecycleActionArguments("record_assessment_recommended"));
export const recordAssessmentNotSuitableAction = authorisedAction(...lifecycleActionArguments("record_assessment_not_suitable"));
export const acceptStrandReferralAction = authorisedAction(...lifecycleActionArguments("accept_strand_referral"));
export const acceptReferralAction = authorisedAction(...lifecycleActionArguments("accept_referral"));
export const recordStartAction = authorisedAction(...lifecycleActionArguments("record_start"));
export const recordCompletionAction = authorisedAction(...lifecycleActionArguments("record_completion"));
export const recordEarlyLeavingAction = authorisedAction(...lifecycleActionArguments("record_early_leaving"));
export const rejectAction = authorisedAction(...lifecycleActionArguments("reject"));
export const cancelDidNotStartAction = authorisedAction(...lifecycleActionArguments("cancel_did_not_start"));
export const recordBackOutEmailAction = authorisedAction(...lifecycleActionArguments("record_back_out_email"));
export const cancelAfterBackOutAction = authorisedAction(...lifecycleActionArguments("cancel_after_back_out"));
