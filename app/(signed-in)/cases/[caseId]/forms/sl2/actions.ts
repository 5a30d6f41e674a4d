"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { overrideSl2MarkingSchema, recordSl2Page1ReturnedSchema, recordSl2ReferralFormReturnedSchema } from "@/lib/domain/forms/scr-forms";
import { overrideSl2Marking } from "@/lib/server/scr/override-sl2-marking";
import { recordSl2Page1Returned } from "@/lib/server/scr/record-sl2-page1-returned";
import { recordSl2ReferralFormReturned } from "@/lib/server/scr/record-sl2-referral-form-returned";

/** 13.55, 3.31: SL2 page 1 completed and returned; nominated officers only (13.77, 3.43). */
export const recordSl2Page1ReturnedAction = authorisedAction(
  { name: "recordSl2Page1Returned", permission: "update:restricted-case:any", schema: recordSl2Page1ReturnedSchema },
  async (input, user, db) => {
    await recordSl2Page1Returned(db, user, input);
    return { redirectTo: `/cases/${input.caseId}/forms?done=sl2-page-1` };
  },
);

/** 13.56, 3.31: after the assessment, the referral form completed and returned. */
export const recordSl2ReferralFormReturnedAction = authorisedAction(
  { name: "recordSl2ReferralFormReturned", permission: "update:restricted-case:any", schema: recordSl2ReferralFormReturnedSchema },
  async (input, user, db) => {
    await recordSl2ReferralFormReturned(db, user, input);
    return { redirectTo: `/cases/${input.caseId}/forms?done=sl2-referral-form` };
  },
);

/** 13.77, 3.43: the marking overridden with a reason, where the case's ruleset was overridden. */
export const overrideSl2MarkingAction = authorisedAction(
  { name: "overrideSl2Marking", permission: "update:restricted-case:any", schema: overrideSl2MarkingSchema },
  async (input, user, db) => {
    await overrideSl2Marking(db, user, input);
    return { redirectTo: `/cases/${input.caseId}/forms?done=sl2-marking` };
  },
);
