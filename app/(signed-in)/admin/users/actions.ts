"use server";

import { revalidatePath } from "next/cache";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { getPrisma } from "@/lib/db/client";
import { createUserSchema, resetPasswordSchema, updateUserSchema, userStatusSchema } from "@/lib/domain/forms/admin-forms";
import { createUser, resetUserPassword, setUserStatus, updateUser } from "@/lib/server/admin/user-admin";

export const createUserAction = authorisedAction(
  { name: "createUser", permission: "manage:user:any", schema: createUserSchema, arrayFields: ["roles"] },
  async (input, user) => {
    const { userId } = await createUser(await getPrisma(), user, input);
    return { redirectTo: `/admin/users/${userId}?created=1` };
  },
);

export const updateUserAction = authorisedAction(
  { name: "updateUser", permission: "manage:user:any", schema: updateUserSchema, arrayFields: ["roles"] },
  async (input, user) => {
    await updateUser(await getPrisma(), user, input);
    revalidatePath(`/admin/users/${input.userId}`);
    return { redirectTo: `/admin/users/${input.userId}?updated=details` };
  },
);

export const setUserStatusAction = authorisedAction(
  { name: "setUserStatus", permission: "manage:user:any", schema: userStatusSchema },
  async (input, user) => {
    await setUserStatus(await getPrisma(), user, input);
    return { redirectTo: `/admin/users/${input.userId}?updated=${input.active ? "reactivated" : "deactivated"}` };
  },
);

export const resetPasswordAction = authorisedAction(
  { name: "resetUserPassword", permission: "manage:user:any", schema: resetPasswordSchema },
  async (input, user) => {
    await resetUserPassword(await getPrisma(), user, input);
    return { redirectTo: `/admin/users/${input.userId}?updated=password` };
  },
);
