"use server";

import { revalidatePath } from "next/cache";
import { markStaffNoticeReadSchema } from "@/lib/domain/forms/notice-forms";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { markStaffNoticeRead } from "@/lib/server/notices/mark-staff-notice-read";

/** A manager marks a notice about one of their caseworkers as read (docs/rules/restricted-cases.md "SCR lifecycle"). */
export const markStaffNoticeReadAction = authorisedAction(
  { name: "markStaffNoticeRead", permission: "read:dashboard:any", schema: markStaffNoticeReadSchema },
  async (input, user, db) => {
    await markStaffNoticeRead(db, user, input, new Date());
    revalidatePath("/dashboard");
    return { message: "Notice marked as read" };
  },
);
