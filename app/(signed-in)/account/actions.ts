"use server";

import { upgradeSession } from "@/lib/auth/current-user";
import { changeOwnPasswordSchema, staySignedInSchema } from "@/lib/domain/forms/identity-forms";
import { sessionStepAction } from "@/lib/server/actions/session-step-action";
import { changeOwnPassword } from "@/lib/server/identity/change-own-password";

/**
 * A signed-in user changes their own password (docs/security.md AU-06): their other sessions end,
 * and this one moves to the new session version so they stay signed in here.
 */
export const changeOwnPasswordAction = sessionStepAction(
  { step: "signed-in", schema: changeOwnPasswordSchema, secretFields: ["currentPassword", "password", "confirmPassword"] },
  async (input, user, db) => {
    const { sessionVersion } = await changeOwnPassword(db, user, input);
    await upgradeSession({ sessionVersion });
    return { redirectTo: "/account?updated=password" };
  },
);

/** "Stay signed in" in the session timeout warning (docs/security.md SE-03): the request itself rolls the session cookie (proxy.ts). */
export const staySignedInAction = sessionStepAction({ step: "signed-in", schema: staySignedInSchema }, async () => ({ message: "Still signed in" }));
