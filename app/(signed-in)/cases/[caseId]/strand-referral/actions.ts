"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { recordStrandReferralSchema } from "@/lib/domain/forms/strand-referral-form";
import { recordStrandReferral } from "@/lib/server/referrals/record-strand-referral";

export const recordStrandReferralAction = authorisedAction(
  { name: "recordStrandReferral", permission: "update:case:any", schema: recordStrandReferralSchema },
  async (input, user, db) => {
    const now = new Date();
    await recordStrandReferral(db, user, input, { today: todayInLondon(now), now });
    return { redirectTo: `/cases/${input.caseId}?done=strand-referral` };
  },
);
