"use server";

import { upgradeSession } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { enrolMfaSchema, finishMfaEnrolmentSchema, verifyMfaSchema } from "@/lib/domain/forms/identity-forms";
import { readRememberedDevice, setRememberedDevice } from "@/lib/auth/remembered-device-cookie";
import { sessionStepAction } from "@/lib/server/actions/session-step-action";
import { completeSecondFactorSignIn } from "@/lib/server/identity/complete-second-factor";
import { checkEnrolmentProof, confirmMfaEnrolment } from "@/lib/server/identity/mfa-enrolment";
import { verifySecondFactor } from "@/lib/server/identity/verify-second-factor";

/** The second step of signing in (docs/security.md AU-04): a code passes, and the session is marked so. */
export const verifyMfaAction = sessionStepAction({ step: "verify", schema: verifyMfaSchema, secretFields: ["code"] }, async (input, user, db) => {
  await verifySecondFactor(db, user, input.code);
  // On a remembered device this lifts a sign-in lock (docs/security.md AU-02); the device is remembered either way.
  const { deviceId } = await completeSecondFactorSignIn(db, user, await readRememberedDevice());
  await setRememberedDevice(deviceId);
  await upgradeSession();
  return { redirectTo: safeCallbackUrl(input.callbackUrl) };
});

/** Setting the second factor up (at first sign-in, or by choice): the recovery codes are shown once. */
export const enrolMfaAction = sessionStepAction({ step: "enrol", schema: enrolMfaSchema, secretFields: ["code", "sealedSecret"] }, async (input, user, db) => {
  const { recoveryCodes, proof } = await confirmMfaEnrolment(db, user, input);
  return { data: { recoveryCodes: recoveryCodes.join("\n"), continueTo: safeCallbackUrl(input.callbackUrl), proof } };
});

/**
 * The codes are saved: the session, now of an enrolled user, is marked as having passed the
 * second factor — on the proof the set-up returned, not on a fresh code.
 */
export const finishMfaEnrolmentAction = sessionStepAction({ step: "verify", schema: finishMfaEnrolmentSchema, secretFields: ["proof"] }, async (input, user, db) => {
  if (!(await checkEnrolmentProof(db, user, input.proof))) return { redirectTo: "/sign-in/two-factor" };
  const { deviceId } = await completeSecondFactorSignIn(db, user, await readRememberedDevice());
  await setRememberedDevice(deviceId);
  await upgradeSession();
  return { redirectTo: safeCallbackUrl(input.callbackUrl) };
});
