"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { sroIntroductionSchemaOn } from "@/lib/domain/forms/sro-introduction-forms";
import { schemaForToday } from "@/lib/forms/schema-for-today";
import { recordSroIntroduction } from "@/lib/server/sro/record-sro-introduction";

/**
 * The SRO's introductory phone call (13.41–13.43, 3.20–3.22); on success, the confirmation every
 * intake ends on (docs/rules/restricted-cases.md).
 */
export const recordSroIntroductionAction = authorisedAction(
  { name: "recordSroIntroduction", permission: "create:referral:any", schema: schemaForToday(sroIntroductionSchemaOn) },
  async (input, user, db) => {
    const { caseId } = await recordSroIntroduction(db, user, input);
    return { redirectTo: `/referrals/recorded/${caseId}` };
  },
);
