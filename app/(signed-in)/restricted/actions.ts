"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { createScrCaseSchema } from "@/lib/domain/forms/scr-forms";
import { createScrCase } from "@/lib/server/scr/create-scr-case";

/** A received SL2 becomes an SCR case (13.54, 3.31); nominated officers only (13.77, 3.43). */
export const createScrCaseAction = authorisedAction(
  { name: "createScrCase", permission: "update:restricted-case:any", schema: createScrCaseSchema },
  async (input, user, db) => {
    const { caseId } = await createScrCase(db, user, input);
    return { redirectTo: `/cases/${caseId}?created=1` };
  },
);
