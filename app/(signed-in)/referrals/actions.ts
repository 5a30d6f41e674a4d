"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { referralIntakeSchemaOn } from "@/lib/domain/forms/referral-intake";
import { schemaForToday } from "@/lib/forms/schema-for-today";
import { recordPrapReferral } from "@/lib/server/referrals/record-prap-referral";

/**
 * Record a PRaP referral (routes 1 and 2); on success, the confirmation every intake ends on, so a
 * case opened restricted answers exactly as any other (docs/rules/restricted-cases.md).
 */
export const recordPrapReferralAction = authorisedAction(
  { name: "recordPrapReferral", permission: "create:referral:any", schema: schemaForToday(referralIntakeSchemaOn) },
  async (input, user, db) => {
    const { caseId } = await recordPrapReferral(db, user, input);
    return { redirectTo: `/referrals/recorded/${caseId}` };
  },
);
