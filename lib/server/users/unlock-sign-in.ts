import type { PrismaClient } from "@/lib/db/prisma";
import type { UnlockSignInInput } from "@/lib/domain/forms/admin-forms";
import { assertCan, type UseCaseActor } from "../assert-can";
import { changeUser } from "./change-user";

/**
 * An administrator lifts a sign-in lock at once: the failures in a row are forgotten and the
 * account can sign in with its current password (docs/security.md AU-02;
 * docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md). Audited as user.sign_in_unlocked.
 */
export async function unlockSignIn(prisma: PrismaClient, actor: UseCaseActor, input: UnlockSignInInput): Promise<void> {
  assertCan(actor, "manage:user:any");
  await changeUser(prisma, actor, input.userId, input.version, () => ({
    data: { lockedUntil: null, failedLoginCount: 0 },
    action: "user.sign_in_unlocked",
    after: { signInLockLifted: true },
    alsoClearLoginLock: true,
  }));
}
