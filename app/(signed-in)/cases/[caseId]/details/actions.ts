"use server";

import { revalidatePath } from "next/cache";
import { changeCircumstancesSchema } from "@/lib/domain/forms/circumstances";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { changeCircumstances } from "@/lib/server/cases/change-circumstances";
import { UseCaseError } from "@/lib/server/use-case-error";

export const changeCircumstancesAction = authorisedAction(
  { name: "changeCircumstances", permission: "update:case:any", schema: changeCircumstancesSchema },
  async (input, user, db) => {
    try {
      const { changed } = await changeCircumstances(db, user, input);
      return { redirectTo: `/cases/${input.caseId}?done=${changed.length > 0 ? "circumstances" : "circumstances-unchanged"}` };
    } catch (error) {
      // A stale edit: the page is read again (the case's new version) while the form keeps what the user typed.
      if (error instanceof UseCaseError && error.code === "STALE") revalidatePath(`/cases/${input.caseId}/details`);
      throw error;
    }
  },
);
