import type { PrismaClient } from "@/lib/db/prisma";
import type { ResetPasswordInput } from "@/lib/domain/forms/admin-forms";
import { hashPassword } from "../auth/password";
import { assertCan, type UseCaseActor } from "../assert-can";
import { changeUser } from "./change-user";

/** A reset also signs the user out everywhere (sessionVersion). */
export async function resetUserPassword(prisma: PrismaClient, actor: UseCaseActor, input: ResetPasswordInput): Promise<void> {
  assertCan(actor, "manage:user:any");
  const passwordHash = await hashPassword(input.password);
  await changeUser(prisma, actor, input.userId, input.version, () => ({
    data: { passwordHash, passwordChangedAt: new Date(), sessionVersion: { increment: 1 }, lockedUntil: null, failedLoginCount: 0 },
    action: "user.password_reset",
    after: { passwordChanged: true, sessionsEnded: true, signInLockLifted: true },
    alsoClearLoginLock: true,
  }));
}
