"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { referralIntakeSchemaOn } from "@/lib/domain/forms/referral-intake";
import { schemaForToday } from "@/lib/forms/schema-for-today";
import { recordPrapReferral } from "@/lib/server/referrals/record-prap-referral";

/** Record a PRaP referral (routes 1 and 2); on success, the new case (its page ignores ?created=1). */
export const recordPrapReferralAction = authorisedAction(
  { name: "recordPrapReferral", permission: "create:referral:any", schema: schemaForToday(referralIntakeSchemaOn) },
  async (input, user, db) => {
    const { caseId } = await recordPrapReferral(db, user, input);
    return { redirectTo: `/cases/${caseId}?created=1` };
  },
);
