import type { PrismaClient } from "@/lib/db/prisma";
import type { ResetUserMfaInput } from "@/lib/domain/forms/identity-forms";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";
import { changeUser } from "../users/change-user";
import { forgetDevices } from "../auth/remembered-devices";

/**
 * An administrator resets a user's two-factor authentication (docs/security.md AU-04), for a lost
 * phone with no recovery codes left: the secret and recovery codes go, the user's sessions end,
 * and they set it up again at their next sign-in (if their role requires it). Audited. Not one's
 * own: another administrator does that (segregation of duties, AC-06).
 */
export async function resetUserMfa(prisma: PrismaClient, actor: UseCaseActor, input: ResetUserMfaInput): Promise<void> {
  assertCan(actor, "manage:user:any");
  if (input.userId === actor.id) throw new UseCaseError("INVALID", "Ask another administrator to reset your own two-factor authentication");
  await changeUser(
    prisma,
    actor,
    input.userId,
    input.version,
    () => ({
      data: { mfaSecret: null, mfaEnabledAt: null, mfaLastTimeStep: null, sessionVersion: { increment: 1 } },
      action: "user.mfa_reset",
      after: { mfaReset: true, sessionsEnded: true },
    }),
    async (tx) => {
      await tx.mfaRecoveryCode.deleteMany({ where: { userId: input.userId } });
      // Remembered devices stood on the old second factor (AU-02): they go with it.
      await forgetDevices(tx, input.userId);
    },
  );
}
