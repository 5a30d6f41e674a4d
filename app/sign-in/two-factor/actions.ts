"use server";

import { upgradeSession } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { enrolMfaSchema, verifyMfaSchema } from "@/lib/domain/forms/identity-forms";
import { sessionStepAction } from "@/lib/server/actions/session-step-action";
import { confirmMfaEnrolment } from "@/lib/server/identity/mfa-enrolment";
import { verifySecondFactor } from "@/lib/server/identity/verify-second-factor";

/** The second step of signing in (docs/security.md AU-04): a code passes, and the session is marked so. */
export const verifyMfaAction = sessionStepAction({ step: "verify", schema: verifyMfaSchema, secretFields: ["code"] }, async (input, user, db) => {
  await verifySecondFactor(db, user, input.code);
  await upgradeSession();
  return { redirectTo: safeCallbackUrl(input.callbackUrl) };
});

/** Setting the second factor up (at first sign-in, or by choice): the recovery codes are shown once. */
export const enrolMfaAction = sessionStepAction({ step: "enrol", schema: enrolMfaSchema, secretFields: ["code", "sealedSecret"] }, async (input, user, db) => {
  const { recoveryCodes } = await confirmMfaEnrolment(db, user, input);
  await upgradeSession();
  return { data: { recoveryCodes: recoveryCodes.join("\n"), continueTo: safeCallbackUrl(input.callbackUrl) } };
});
