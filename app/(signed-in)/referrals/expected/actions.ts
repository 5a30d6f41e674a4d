"use server";

import { attachExpectedReferralSchema, closeExpectedReferralSchema, recordExpectedReferralSchemaOn } from "@/lib/domain/forms/expected-referral-forms";
import { schemaForToday } from "@/lib/forms/schema-for-today";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { attachExpectedReferral } from "@/lib/server/expected-referrals/attach-expected-referral";
import { closeExpectedReferral } from "@/lib/server/expected-referrals/close-expected-referral";
import { recordExpectedReferral } from "@/lib/server/expected-referrals/record-expected-referral";

/** Record a Warm Handover call with no PRaP referral yet (3.05): an expected referral. */
export const recordExpectedReferralAction = authorisedAction(
  { name: "recordExpectedReferral", permission: "create:referral:any", schema: schemaForToday(recordExpectedReferralSchemaOn) },
  async (input, user, db) => {
    await recordExpectedReferral(db, user, input);
    return { redirectTo: "/referrals/expected" };
  },
);

/** Close an expected or missing referral with a reason. */
export const closeExpectedReferralAction = authorisedAction(
  { name: "closeExpectedReferral", permission: "update:case:any", schema: closeExpectedReferralSchema },
  async (input, user, db) => {
    await closeExpectedReferral(db, user, input);
    return { redirectTo: "/referrals/expected" };
  },
);

/** Attach an expected referral to the case its PRaP referral opened (offered on the intake's confirmation). */
export const attachExpectedReferralAction = authorisedAction(
  { name: "attachExpectedReferral", permission: "update:case:any", schema: attachExpectedReferralSchema },
  async (input, user, db) => {
    await attachExpectedReferral(db, user, input);
    return { message: "Attached: the Warm Handover call’s DEA or Work Coach is now a contact on the case." };
  },
);
