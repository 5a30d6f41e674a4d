"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { createScrCaseSchema, resolveScrDuplicateSchema } from "@/lib/domain/forms/scr-forms";
import { scrRulesetFor } from "@/lib/domain/scr/sl2";
import { withCheckAnswers } from "@/lib/forms/check-answers-intent";
import { previewIntakeDeadlines } from "@/lib/server/intake/preview-deadlines";
import { createScrCase } from "@/lib/server/scr/create-scr-case";
import { resolveScrDuplicate } from "@/lib/server/scr/resolve-scr-duplicate";

/** "Continue": the SL2's details checked and shown back with the start deadline; nothing is saved (docs/decisions/0018-check-answers-before-a-case-is-created.md). */
const checkScrCase = authorisedAction(
  { name: "checkScrCase", permission: "update:restricted-case:any", schema: createScrCaseSchema },
  async (input, user, db) => {
    const deadlines = await previewIntakeDeadlines(db, user, {
      permission: "update:restricted-case:any",
      siteId: input.siteId,
      ruleset: scrRulesetFor(input.receivedOn),
      state: "referred",
      restrictionTier: "scr",
      referralDate: input.receivedOn,
      referralReceivedOn: null,
    });
    return { review: { deadlines } };
  },
);

/** A received SL2 becomes an SCR case (13.54, 3.31); nominated officers only (13.77, 3.43). */
const createScrCaseStep = authorisedAction(
  { name: "createScrCase", permission: "update:restricted-case:any", schema: createScrCaseSchema },
  async (input, user, db) => {
    const { caseId } = await createScrCase(db, user, input);
    return { redirectTo: `/cases/${caseId}?created=1` };
  },
);

export const createScrCaseAction = withCheckAnswers(checkScrCase, createScrCaseStep);

/** A possible duplicate of an SCR case merged, kept or closed with a reason (docs/rules/restricted-cases.md). */
export const resolveScrDuplicateAction = authorisedAction(
  { name: "resolveScrDuplicate", permission: "update:restricted-case:any", schema: resolveScrDuplicateSchema },
  async (input, user, db) => {
    const { caseId } = await resolveScrDuplicate(db, user, input, new Date());
    return { redirectTo: `/cases/${caseId}?done=scr-duplicate-${input.resolution}` };
  },
);
