"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import {
  amendUc452Part6Schema,
  recordSpocChasedSchema,
  recordUc452EmailSentSchema,
  recordUc452ReceivedSchema,
  recordUcpr1DuplicateRequestedSchema,
  recordUcpr1ReceivedSchema,
} from "@/lib/domain/forms/paper-forms";
import { amendUc452Part6 } from "@/lib/server/paper-forms/amend-uc452-part6";
import { recordSpocChased } from "@/lib/server/paper-forms/record-spoc-chased";
import { recordUc452EmailSent } from "@/lib/server/paper-forms/record-uc452-email-sent";
import { recordUc452Received } from "@/lib/server/paper-forms/record-uc452-received";
import { recordUcpr1DuplicateRequested } from "@/lib/server/paper-forms/record-ucpr1-duplicate-requested";
import { recordUcpr1Received } from "@/lib/server/paper-forms/record-ucpr1-received";

export const recordUc452ReceivedAction = authorisedAction(
  { name: "recordUc452Received", permission: "update:case:any", schema: recordUc452ReceivedSchema },
  async (input, user, db) => {
    await recordUc452Received(db, user, input);
    return { redirectTo: `/cases/${input.caseId}/forms?done=uc452-received` };
  },
);

export const recordUcpr1ReceivedAction = authorisedAction(
  { name: "recordUcpr1Received", permission: "update:case:any", schema: recordUcpr1ReceivedSchema },
  async (input, user, db) => {
    await recordUcpr1Received(db, user, input);
    return { redirectTo: `/cases/${input.caseId}/forms?done=ucpr1-received` };
  },
);

export const recordSpocChasedAction = authorisedAction(
  { name: "recordSpocChased", permission: "update:case:any", schema: recordSpocChasedSchema },
  async (input, user, db) => {
    await recordSpocChased(db, user, input);
    return { redirectTo: `/cases/${input.caseId}/forms?done=spoc-chased` };
  },
);

export const recordUcpr1DuplicateRequestedAction = authorisedAction(
  { name: "recordUcpr1DuplicateRequested", permission: "update:case:any", schema: recordUcpr1DuplicateRequestedSchema },
  async (input, user, db) => {
    await recordUcpr1DuplicateRequested(db, user, input);
    return { redirectTo: `/cases/${input.caseId}/forms?done=ucpr1-duplicate-requested` };
  },
);

export const recordUc452EmailSentAction = authorisedAction(
  { name: "recordUc452EmailSent", permission: "update:case:any", schema: recordUc452EmailSentSchema },
  async (input, user, db) => {
    await recordUc452EmailSent(db, user, input);
    return { redirectTo: `/cases/${input.caseId}/forms/uc452/${input.part}/email` };
  },
);

/** 13.21: part 6 amended with a reason; the amended version is e-mailed again as a new version. */
export const amendUc452Part6Action = authorisedAction(
  { name: "amendUc452Part6", permission: "update:case:any", schema: amendUc452Part6Schema },
  async (input, user, db) => {
    await amendUc452Part6(db, user, input);
    return { redirectTo: `/cases/${input.caseId}/forms/uc452/part_6/email` };
  },
);
