"use server";

import { amendCaseDateSchema, undoLastStepSchema } from "@/lib/domain/forms/amend-forms";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { amendCaseDate } from "@/lib/server/corrections/amend-case-date";
import { undoLastStep } from "@/lib/server/corrections/undo-last-step";

// The chain checks that the user can see cases; the use-case checks the administrator role too
// (docs/decisions/0012-corrections-by-an-administrator.md).
export const amendCaseDateAction = authorisedAction({ name: "amendCaseDate", permission: "read:case:any", schema: amendCaseDateSchema }, async (input, user, db) => {
  await amendCaseDate(db, user, input);
  return { redirectTo: `/cases/${input.caseId}/timeline?updated=amended` };
});

export const undoLastStepAction = authorisedAction({ name: "undoLastStep", permission: "read:case:any", schema: undoLastStepSchema }, async (input, user, db) => {
  await undoLastStep(db, user, input);
  return { redirectTo: `/cases/${input.caseId}/timeline?updated=undone` };
});
