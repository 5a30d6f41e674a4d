"use server";

import { markNotificationReadSchema } from "@/lib/domain/forms/notification-forms";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { markNotificationRead } from "@/lib/server/notifications/mark-notification-read";

export const markNotificationReadAction = authorisedAction(
  { name: "markNotificationRead", permission: "read:case:any", schema: markNotificationReadSchema },
  async (input, user, db) => {
    await markNotificationRead(db, user, input, new Date());
    return { redirectTo: "/notifications" };
  },
);
