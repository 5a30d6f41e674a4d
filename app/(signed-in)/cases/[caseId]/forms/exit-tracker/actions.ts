"use server";

import { recordExitTrackerSentSchema } from "@/lib/domain/forms/exit-notice-forms";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { recordExitTrackerSent } from "@/lib/server/exit-notices/record-exit-tracker-sent";

/** 3.16: the Customer Exit Tracker sent to the referring DEA/Work Coach (3.05). */
export const recordExitTrackerSentAction = authorisedAction(
  { name: "recordExitTrackerSent", permission: "update:case:any", schema: recordExitTrackerSentSchema },
  async (input, user, db) => {
    await recordExitTrackerSent(db, user, input);
    return { redirectTo: `/cases/${input.caseId}/forms/exit-tracker?sent=1` };
  },
);
