"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { createScrCaseSchema, resolveScrDuplicateSchema } from "@/lib/domain/forms/scr-forms";
import { createScrCase } from "@/lib/server/scr/create-scr-case";
import { resolveScrDuplicate } from "@/lib/server/scr/resolve-scr-duplicate";

/** A received SL2 becomes an SCR case (13.54, 3.31); nominated officers only (13.77, 3.43). */
export const createScrCaseAction = authorisedAction(
  { name: "createScrCase", permission: "update:restricted-case:any", schema: createScrCaseSchema },
  async (input, user, db) => {
    const { caseId } = await createScrCase(db, user, input);
    return { redirectTo: `/cases/${caseId}?created=1` };
  },
);

/** A possible duplicate of an SCR case merged, kept or closed with a reason (docs/rules/restricted-cases.md). */
export const resolveScrDuplicateAction = authorisedAction(
  { name: "resolveScrDuplicate", permission: "update:restricted-case:any", schema: resolveScrDuplicateSchema },
  async (input, user, db) => {
    const { caseId } = await resolveScrDuplicate(db, user, input, new Date());
    return { redirectTo: `/cases/${caseId}?done=scr-duplicate-${input.resolution}` };
  },
);
