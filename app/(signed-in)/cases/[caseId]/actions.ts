"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { addCaseNoteSchema, assignCaseSchema, recordContactAttemptSchema } from "@/lib/domain/forms/case-work-forms";
import { addCaseNote } from "@/lib/server/cases/add-case-note";
import { assignCase } from "@/lib/server/cases/assign-case";
import { recordContactAttempt } from "@/lib/server/cases/record-contact-attempt";

export const addCaseNoteAction = authorisedAction(
  { name: "addCaseNote", permission: "update:case:any", schema: addCaseNoteSchema },
  async (input, user, db) => {
    await addCaseNote(db, user, input);
    return { redirectTo: `/cases/${input.caseId}/contact?done=note` };
  },
);

export const assignCaseAction = authorisedAction(
  { name: "assignCase", permission: "update:case:any", schema: assignCaseSchema },
  async (input, user, db) => {
    await assignCase(db, user, input);
    return { redirectTo: `/cases/${input.caseId}?done=assigned` };
  },
);

export const recordContactAttemptAction = authorisedAction(
  { name: "recordContactAttempt", permission: "update:case:any", schema: recordContactAttemptSchema },
  async (input, user, db) => {
    const result = await recordContactAttempt(db, user, input);
    return { redirectTo: `/cases/${input.caseId}/contact?done=${result.promptUnableToContact ? "contact-prompt" : "contact"}` };
  },
);
