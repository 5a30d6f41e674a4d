"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { todayInLondon } from "@/lib/calendar/iso-date";
import {
  recordMappaContactSchema,
  recordMappaJReceivedSchema,
  recordMappaLetterSchema,
  recordMappaRestrictionsSchema,
} from "@/lib/domain/forms/mappa-forms";
import { recordMappaContact } from "@/lib/server/mappa/record-mappa-contact";
import { recordMappaJReceived } from "@/lib/server/mappa/record-mappa-j-received";
import { recordMappaLetter } from "@/lib/server/mappa/record-mappa-letter";
import { recordMappaRestrictions } from "@/lib/server/mappa/record-mappa-restrictions";

/** Writes to a MAPPA case's nominated-officer-only annex (13.59, 13.68–13.72). */

export const recordMappaRestrictionsAction = authorisedAction(
  { name: "recordMappaRestrictions", permission: "update:restricted-case:any", schema: recordMappaRestrictionsSchema },
  async (input, user, db) => {
    await recordMappaRestrictions(db, user, input, todayInLondon(new Date()));
    return { redirectTo: `/cases/${input.caseId}/mappa?done=restrictions` };
  },
);

export const recordMappaJReceivedAction = authorisedAction(
  { name: "recordMappaJReceived", permission: "update:restricted-case:any", schema: recordMappaJReceivedSchema },
  async (input, user, db) => {
    await recordMappaJReceived(db, user, input, todayInLondon(new Date()));
    return { redirectTo: `/cases/${input.caseId}/mappa?done=mappa-j` };
  },
);

export const recordMappaContactAction = authorisedAction(
  { name: "recordMappaContact", permission: "update:restricted-case:any", schema: recordMappaContactSchema },
  async (input, user, db) => {
    await recordMappaContact(db, user, input, todayInLondon(new Date()));
    return { redirectTo: `/cases/${input.caseId}/mappa?done=contact` };
  },
);

export const recordMappaLetterAction = authorisedAction(
  { name: "recordMappaLetter", permission: "update:restricted-case:any", schema: recordMappaLetterSchema },
  async (input, user, db) => {
    await recordMappaLetter(db, user, input, todayInLondon(new Date()));
    return { redirectTo: `/cases/${input.caseId}/mappa?done=letter` };
  },
);
