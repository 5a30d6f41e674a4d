"use server";

import { todayInLondon } from "@/lib/calendar/iso-date";
import { runRetentionSchema } from "@/lib/domain/forms/retention-form";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { applyRetention } from "@/lib/server/retention/apply-retention";

/** docs/security.md DP-02, LG-07: delete what is past retention now, after the administrator confirms. */
export const runRetentionAction = authorisedAction({ name: "runRetention", permission: "manage:settings:any", schema: runRetentionSchema }, async (_input, user, db) => {
  await applyRetention(db, user, todayInLondon(new Date()));
  return { redirectTo: "/admin/retention?done=run" };
});
