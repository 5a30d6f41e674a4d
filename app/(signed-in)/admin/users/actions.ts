"use server";

import { revalidatePath } from "next/cache";
import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { createUserSchema, resetPasswordSchema, unlockSignInSchema, updateUserSchema, userStatusSchema } from "@/lib/domain/forms/admin-forms";
import { decideRoleChangeSchema, resetUserMfaSchema, signOutUserEverywhereSchema } from "@/lib/domain/forms/identity-forms";
import { decideRoleChange } from "@/lib/server/identity/role-change-requests";
import { resetUserMfa } from "@/lib/server/identity/reset-user-mfa";
import { signOutUserEverywhere } from "@/lib/server/identity/sign-out-user-everywhere";
import { createUser } from "@/lib/server/users/create-user";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { setUserStatus } from "@/lib/server/users/set-user-status";
import { unlockSignIn } from "@/lib/server/users/unlock-sign-in";
import { updateUser } from "@/lib/server/users/update-user";
import { formatLinkExpiry, linkAddress } from "./link-address";

/** The new user sets their own password from the set-up link shown here once (docs/security.md AU-06). */
export const createUserAction = authorisedAction(
  { name: "createUser", permission: "manage:user:any", schema: createUserSchema, arrayFields: ["roles", "siteIds"] },
  async (input, user, db) => {
    const created = await createUser(db, user, input);
    return {
      data: {
        userId: created.userId,
        link: await linkAddress(created.setUpLink),
        expires: formatLinkExpiry(created.expiresAt),
        roleChangeRequested: created.roleChangeRequested ? "yes" : "",
      },
    };
  },
);

export const updateUserAction = authorisedAction(
  { name: "updateUser", permission: "manage:user:any", schema: updateUserSchema, arrayFields: ["roles", "siteIds"] },
  async (input, user, db) => {
    const { roleChangeRequested } = await updateUser(db, user, input);
    revalidatePath(`/admin/users/${input.userId}`);
    return { redirectTo: `/admin/users/${input.userId}?updated=${roleChangeRequested ? "requested" : "details"}` };
  },
);

export const setUserStatusAction = authorisedAction(
  { name: "setUserStatus", permission: "manage:user:any", schema: userStatusSchema },
  async (input, user, db) => {
    await setUserStatus(db, user, input);
    return { redirectTo: `/admin/users/${input.userId}?updated=${input.active ? "reactivated" : "deactivated"}` };
  },
);

/** A reset link, shown once; the old password stops working and the user's sessions end (AU-06). */
export const resetPasswordAction = authorisedAction(
  { name: "resetUserPassword", permission: "manage:user:any", schema: resetPasswordSchema },
  async (input, user, db) => {
    const reset = await resetUserPassword(db, user, input);
    revalidatePath(`/admin/users/${input.userId}`);
    return { data: { link: await linkAddress(reset.resetLink), expires: formatLinkExpiry(reset.expiresAt) } };
  },
);

export const resetUserMfaAction = authorisedAction(
  { name: "resetUserMfa", permission: "manage:user:any", schema: resetUserMfaSchema },
  async (input, user, db) => {
    await resetUserMfa(db, user, input);
    return { redirectTo: `/admin/users/${input.userId}?updated=mfa` };
  },
);

/** A second administrator approves or refuses a nominated officer role change (AC-06). */
export const decideRoleChangeAction = authorisedAction(
  { name: "decideRoleChange", permission: "manage:user:any", schema: decideRoleChangeSchema },
  async (input, user, db) => {
    const { userId } = await decideRoleChange(db, user, input);
    return { redirectTo: `/admin/users/${userId}?updated=${input.decision === "approve" ? "approved" : "refused"}` };
  },
);

export const signOutUserEverywhereAction = authorisedAction(
  { name: "signOutUserEverywhere", permission: "end:user-sessions:any", schema: signOutUserEverywhereSchema },
  async (input, user, db) => {
    await signOutUserEverywhere(db, user, input);
    return { redirectTo: `/admin/users/${input.userId}?updated=signedOut` };
  },
);

export const unlockSignInAction = authorisedAction(
  { name: "unlockSignIn", permission: "manage:user:any", schema: unlockSignInSchema },
  async (input, user, db) => {
    await unlockSignIn(db, user, input);
    return { redirectTo: `/admin/users/${input.userId}?updated=unlocked` };
  },
);
