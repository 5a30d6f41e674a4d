"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { sroIntroductionSchemaOn } from "@/lib/domain/forms/sro-introduction-forms";
import { schemaForToday } from "@/lib/forms/schema-for-today";
import { recordSroIntroduction } from "@/lib/server/sro/record-sro-introduction";

/** The SRO's introductory phone call (13.41–13.43, 3.20–3.22); on success, the new case. */
export const recordSroIntroductionAction = authorisedAction(
  { name: "recordSroIntroduction", permission: "create:referral:any", schema: schemaForToday(sroIntroductionSchemaOn) },
  async (input, user, db) => {
    const { caseId, closedNotEligible } = await recordSroIntroduction(db, user, input);
    return { redirectTo: `/cases/${caseId}?done=${closedNotEligible ? "sro-introduced-not-eligible" : "sro-introduced"}#sessro1` };
  },
);
