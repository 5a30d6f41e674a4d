"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { changeRestrictionSchema } from "@/lib/domain/forms/mappa-forms";
import { changeRestriction } from "@/lib/server/cases/change-restriction";

/** AC-06: only a nominated officer sets or clears a case's restriction, with a reason, audited. */
export const changeRestrictionAction = authorisedAction(
  { name: "changeRestriction", permission: "update:restricted-case:any", schema: changeRestrictionSchema },
  async (input, user, db) => {
    await changeRestriction(db, user, input, new Date());
    return { redirectTo: `/cases/${input.caseId}?done=restriction` };
  },
);
