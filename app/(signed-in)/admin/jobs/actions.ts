"use server";

import { jobActionSchema } from "@/lib/domain/forms/job-forms";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { changeJob } from "@/lib/server/jobs/change-job";

export const changeJobAction = authorisedAction(
  { name: "changeJob", permission: "manage:settings:any", schema: jobActionSchema },
  async (input, user, db) => {
    await changeJob(db, user, input);
    return { redirectTo: `/admin/jobs?updated=${input.operation === "retry" ? "retried" : "cancelled"}` };
  },
);
