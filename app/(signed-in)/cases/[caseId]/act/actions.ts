"use server";

import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { actionSlug, lifecycleFormSchema, type LifecycleFormAction } from "@/lib/domain/forms/lifecycle-forms";
import type { LifecycleInputs } from "@/lib/domain/lifecycle/steps";
import { authorisedAction, type ActionDatabase } from "@/lib/server/actions/authorised-action";
import { applyLifecycleAction } from "@/lib/server/cases/lifecycle/apply-lifecycle-action";

/**
 * One server action per lifecycle step (a "use server" module exports async functions only), each
 * named after its step (record_early_leaving → recordEarlyLeavingAction; the step page finds it by
 * that name). Each is visibly built with authorisedAction (the CS-04 static check reads this file)
 * from the step's declaration: its strict form schema, its page slug. The chain admits anyone who
 * may work cases; the use-case then checks the step's own permission and asks the state machine,
 * so a step the case cannot take now is refused with the state machine's message, whatever was posted.
 */
function stepAction<A extends LifecycleFormAction>(action: A) {
  const options = { name: `lifecycle.${action}`, permission: "update:case:any" as const, schema: lifecycleFormSchema(action) };
  const handler = async (parsed: z.output<typeof options.schema>, user: CurrentUser, db: ActionDatabase) => {
    const now = new Date();
    const request = { caseId: parsed.caseId, version: parsed.version, action, input: parsed.input as LifecycleInputs[A], happened: parsed.happened };
    await applyLifecycleAction(db, user, request, { today: todayInLondon(now), now });
    return { redirectTo: `/cases/${parsed.caseId}?done=${actionSlug(action)}` };
  };
  return [options, handler] as const;
}

export const acknowledgeAction = authorisedAction(...stepAction("acknowledge"));
export const bookInitialAssessmentAction = authorisedAction(...stepAction("book_initial_assessment"));
export const recordAssessmentRecommendedAction = authorisedAction(...stepAction("record_assessment_recommended"));
export const recordAssessmentNotSuitableAction = authorisedAction(...stepAction("record_assessment_not_suitable"));
export const acceptStrandReferralAction = authorisedAction(...stepAction("accept_strand_referral"));
export const acceptReferralAction = authorisedAction(...stepAction("accept_referral"));
export const recordWelcomeCallAction = authorisedAction(...stepAction("record_welcome_call"));
export const rejectAction = authorisedAction(...stepAction("reject"));
export const recordWorkCoachDisagreementAction = authorisedAction(...stepAction("record_work_coach_disagreement"));
export const recordStartAction = authorisedAction(...stepAction("record_start"));
export const cancelDidNotStartAction = authorisedAction(...stepAction("cancel_did_not_start"));
export const closeScrNotEngagedAction = authorisedAction(...stepAction("close_scr_not_engaged"));
export const recordBackOutEmailAction = authorisedAction(...stepAction("record_back_out_email"));
export const cancelAfterBackOutAction = authorisedAction(...stepAction("cancel_after_back_out"));
export const recordCompletionAction = authorisedAction(...stepAction("record_completion"));
export const recordEarlyLeavingAction = authorisedAction(...stepAction("record_early_leaving"));
