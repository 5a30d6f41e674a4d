"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { firstMeetingSchemaOn, jcpReceiptSchemaOn, jcpReferralSchemaOn, sessro1SentSchemaOn } from "@/lib/domain/forms/sro-introduction-forms";
import { schemaForToday } from "@/lib/forms/schema-for-today";
import { recordFirstMeeting } from "@/lib/server/sro/record-first-meeting";
import { recordJcpReceipt } from "@/lib/server/sro/record-jcp-receipt";
import { recordJcpReferral } from "@/lib/server/sro/record-jcp-referral";
import { recordSessro1Sent } from "@/lib/server/sro/record-sessro1-sent";

const clock = () => {
  const now = new Date();
  return { today: todayInLondon(now), now };
};

/** SESSRO1 Part 3 and the outcome of the first meeting (13.44–13.51, 3.23–3.29). */
export const recordFirstMeetingAction = authorisedAction(
  { name: "recordSroFirstMeeting", permission: "update:case:any", schema: schemaForToday(firstMeetingSchemaOn) },
  async (input, user, db) => {
    const { to } = await recordFirstMeeting(db, user, input, clock());
    return { redirectTo: `/cases/${input.caseId}?done=sro-${to.replaceAll("_", "-")}#sessro1` };
  },
);

/** Signed, copy offered, original retained, secure post logged, SPoC notified (13.47–13.48, 3.25–3.26). */
export const recordSessro1SentAction = authorisedAction(
  { name: "recordSessro1Sent", permission: "update:case:any", schema: schemaForToday(sessro1SentSchemaOn) },
  async (input, user, db) => {
    await recordSessro1Sent(db, user, input);
    return { redirectTo: `/cases/${input.caseId}?done=sro-sent#sessro1` };
  },
);

/** JCP's PRaP referral of the accepted introduction, attached to this case (13.49, 3.27). */
export const recordJcpReferralAction = authorisedAction(
  { name: "recordJcpReferral", permission: "update:case:any", schema: schemaForToday(jcpReferralSchemaOn) },
  async (input, user, db) => {
    await recordJcpReferral(db, user, input, clock());
    return { redirectTo: `/cases/${input.caseId}?done=sro-referred` };
  },
);

/** JCP's notification that it received the SESSRO1 copy (13.49, 3.27). */
export const recordJcpReceiptAction = authorisedAction(
  { name: "recordJcpReceipt", permission: "update:case:any", schema: schemaForToday(jcpReceiptSchemaOn) },
  async (input, user, db) => {
    await recordJcpReceipt(db, user, input);
    return { redirectTo: `/cases/${input.caseId}?done=sro-jcp-receipt#sessro1` };
  },
);
