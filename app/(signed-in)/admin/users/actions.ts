"use server";

import { revalidatePath } from "next/cache";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { createUserSchema, resetPasswordSchema, unlockSignInSchema, updateUserSchema, userStatusSchema } from "@/lib/domain/forms/admin-forms";
import { createUser } from "@/lib/server/users/create-user";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { setUserStatus } from "@/lib/server/users/set-user-status";
import { unlockSignIn } from "@/lib/server/users/unlock-sign-in";
import { updateUser } from "@/lib/server/users/update-user";

export const createUserAction = authorisedAction(
  { name: "createUser", permission: "manage:user:any", schema: createUserSchema, arrayFields: ["roles"] },
  async (input, user, db) => {
    const { userId } = await createUser(db, user, input);
    return { redirectTo: `/admin/users/${userId}?created=1` };
  },
);

export const updateUserAction = authorisedAction(
  { name: "updateUser", permission: "manage:user:any", schema: updateUserSchema, arrayFields: ["roles"] },
  async (input, user, db) => {
    await updateUser(db, user, input);
    revalidatePath(`/admin/users/${input.userId}`);
    return { redirectTo: `/admin/users/${input.userId}?updated=details` };
  },
);

export const setUserStatusAction = authorisedAction(
  { name: "setUserStatus", permission: "manage:user:any", schema: userStatusSchema },
  async (input, user, db) => {
    await setUserStatus(db, user, input);
    return { redirectTo: `/admin/users/${input.userId}?updated=${input.active ? "reactivated" : "deactivated"}` };
  },
);

export const resetPasswordAction = authorisedAction(
  { name: "resetUserPassword", permission: "manage:user:any", schema: resetPasswordSchema },
  async (input, user, db) => {
    await resetUserPassword(db, user, input);
    return { redirectTo: `/admin/users/${input.userId}?updated=password` };
  },
);

export const unlockSignInAction = authorisedAction(
  { name: "unlockSignIn", permission: "manage:user:any", schema: unlockSignInSchema },
  async (input, user, db) => {
    await unlockSignIn(db, user, input);
    return { redirectTo: `/admin/users/${input.userId}?updated=unlocked` };
  },
);
