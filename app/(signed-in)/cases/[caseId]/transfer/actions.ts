"use server";

import { transferCaseSchema } from "@/lib/domain/forms/case-transfer-form";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { transferCase } from "@/lib/server/cases/transfer-case";

export const transferCaseAction = authorisedAction(
  { name: "transferCase", permission: "read:case:any", schema: transferCaseSchema },
  async (input, user, db) => {
    await transferCase(db, user, input);
    return { redirectTo: `/cases/${input.caseId}?done=transferred` };
  },
);
