import type { PrismaClient } from "@/lib/db/prisma";
import { newDeviceId } from "@/lib/security/remembered-device";
import { recordAudit } from "../audit/record-audit";
import type { UseCaseActor } from "../assert-can";
import { unlockAfterSecondFactor } from "../auth/login-throttle";
import { isRememberedDevice, rememberDevice } from "../auth/remembered-devices";

/**
 * After the second factor passed (a code, or the proof of a fresh enrolment): on a device the
 * user signed in from before, with the second factor, the sign-in lock is lifted and the failures
 * in a row forgotten — the owner's unlock of docs/security.md AU-02, audited auth.sign_in_unlocked
 * when a lock was running. From any other device nothing is unlocked. Either way this device is
 * remembered for the user (the same device id when the browser already has one, so several users
 * of one browser each get their own row). Returns the device id for the cookie.
 */
export async function completeSecondFactorSignIn(prisma: PrismaClient, actor: UseCaseActor, deviceId: string | null, now: Date = new Date()): Promise<{ deviceId: string; unlocked: boolean }> {
  const remembered = await isRememberedDevice(prisma, actor.id, deviceId, now);
  let unlocked = false;
  if (remembered) {
    unlocked = await prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: actor.id }, select: { email: true } });
      if (!user) return false;
      const wasLocked = await unlockAfterSecondFactor(tx, user.email, now);
      if (wasLocked) {
        await recordAudit(tx, actor, {
          action: "auth.sign_in_unlocked",
          entityType: "User",
          entityId: actor.id,
          reason: "password and second factor from a remembered device",
          after: { signInLockLifted: true, byOwner: true },
        });
      }
      return wasLocked;
    });
  }
  const id = deviceId ?? newDeviceId();
  await rememberDevice(prisma, actor.id, id, now);
  return { deviceId: id, unlocked };
}
