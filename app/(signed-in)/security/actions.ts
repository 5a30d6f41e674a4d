"use server";

import { authorisedAction } from "@/lib/server/actions/authorised-action";
import { signOutUserEverywhereSchema } from "@/lib/domain/forms/identity-forms";
import { signOutUserEverywhere } from "@/lib/server/identity/sign-out-user-everywhere";

/** A nominated officer or administrator signs a user out everywhere (docs/security.md SE-05). */
export const signOutUserFromSecurityAction = authorisedAction(
  { name: "signOutUserFromSecurity", permission: "end:user-sessions:any", schema: signOutUserEverywhereSchema },
  async (input, user, db) => {
    const { userName } = await signOutUserEverywhere(db, user, input);
    return { message: `${userName} has been signed out everywhere.` };
  },
);
