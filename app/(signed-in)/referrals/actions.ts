"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { referralIntakeSchemaOn } from "@/lib/domain/forms/referral-intake";
import { withCheckAnswers } from "@/lib/forms/check-answers-intent";
import { schemaForToday } from "@/lib/forms/schema-for-today";
import { previewIntakeDeadlines } from "@/lib/server/intake/preview-deadlines";
import { recordPrapReferral } from "@/lib/server/referrals/record-prap-referral";

/**
 * "Continue": the answers checked by the same schema as the record step, and shown back with the
 * deadlines they give; nothing is saved (docs/decisions/0018-check-answers-before-a-case-is-created.md).
 */
const checkPrapReferral = authorisedAction(
  { name: "checkPrapReferral", permission: "create:referral:any", schema: schemaForToday(referralIntakeSchemaOn) },
  async (input, user, db) => {
    const { referral } = input;
    const deadlines = await previewIntakeDeadlines(db, user, {
      permission: "create:referral:any",
      siteId: referral.siteId,
      ruleset: referral.ruleset,
      state: "referred",
      restrictionTier: input.mappa ? "mappa" : "none",
      referralDate: referral.referralDate,
      referralReceivedOn: referral.referralReceivedOn,
    });
    return { review: { deadlines } };
  },
);

/**
 * Record a PRaP referral (routes 1 and 2); on success, the confirmation every intake ends on, so a
 * case opened restricted answers exactly as any other (docs/rules/restricted-cases.md).
 */
const recordPrapReferralStep = authorisedAction(
  { name: "recordPrapReferral", permission: "create:referral:any", schema: schemaForToday(referralIntakeSchemaOn) },
  async (input, user, db) => {
    const { caseId } = await recordPrapReferral(db, user, input);
    return { redirectTo: `/referrals/recorded/${caseId}` };
  },
);

export const recordPrapReferralAction = withCheckAnswers(checkPrapReferral, recordPrapReferralStep);
