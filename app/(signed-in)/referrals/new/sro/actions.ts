"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { introductionRulesetOn } from "@/lib/domain/sro/introduction";
import { sroIntroductionSchemaOn } from "@/lib/domain/forms/sro-introduction-forms";
import { withCheckAnswers } from "@/lib/forms/check-answers-intent";
import { schemaForToday } from "@/lib/forms/schema-for-today";
import { previewIntakeDeadlines } from "@/lib/server/intake/preview-deadlines";
import { recordSroIntroduction } from "@/lib/server/sro/record-sro-introduction";

/** "Continue": the call's answers checked and shown back; nothing is saved (docs/decisions/0018-check-answers-before-a-case-is-created.md). */
const checkSroIntroduction = authorisedAction(
  { name: "checkSroIntroduction", permission: "create:referral:any", schema: schemaForToday(sroIntroductionSchemaOn) },
  async (input, user, db) => {
    const deadlines = await previewIntakeDeadlines(db, user, {
      permission: "create:referral:any",
      siteId: input.siteId,
      ruleset: introductionRulesetOn(input.introducedOn),
      state: "introduced",
      restrictionTier: "none",
      referralDate: null,
      referralReceivedOn: null,
    });
    return { review: { deadlines } };
  },
);

/**
 * The SRO's introductory phone call (13.41–13.43, 3.20–3.22); on success, the confirmation every
 * intake ends on (docs/rules/restricted-cases.md).
 */
const recordSroIntroductionStep = authorisedAction(
  { name: "recordSroIntroduction", permission: "create:referral:any", schema: schemaForToday(sroIntroductionSchemaOn) },
  async (input, user, db) => {
    const { caseId } = await recordSroIntroduction(db, user, input);
    return { redirectTo: `/referrals/recorded/${caseId}` };
  },
);

export const recordSroIntroductionAction = withCheckAnswers(checkSroIntroduction, recordSroIntroductionStep);
