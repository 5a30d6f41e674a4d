import type { PrismaClient } from "@/lib/db/prisma";
import type { ResetPasswordInput } from "@/lib/domain/forms/admin-forms";
import { assertCan, type UseCaseActor } from "../assert-can";
import { issuePasswordLink, unusablePasswordHash } from "../identity/password-links";
import { changeUser } from "./change-user";

/**
 * A reset (docs/security.md AU-06): the old password stops working, the user is signed out
 * everywhere (sessionVersion), a sign-in lock is lifted, and a single-use reset link — revoking
 * any earlier one — is returned to be handed over. The administrator never learns a password.
 */
export async function resetUserPassword(prisma: PrismaClient, actor: UseCaseActor, input: ResetPasswordInput, now: Date = new Date()): Promise<{ resetLink: string; expiresAt: Date }> {
  assertCan(actor, "manage:user:any");
  let link: { path: string; expiresAt: Date } | undefined;
  await changeUser(
    prisma,
    actor,
    input.userId,
    input.version,
    () => ({
      data: { passwordHash: unusablePasswordHash(), passwordChangedAt: now, sessionVersion: { increment: 1 }, lockedUntil: null, failedLoginCount: 0 },
      action: "user.password_reset",
      after: { passwordChanged: true, sessionsEnded: true, signInLockLifted: true, resetLinkIssued: true },
      alsoClearLoginLock: true,
    }),
    async (tx) => {
      link = await issuePasswordLink(tx, { userId: input.userId, purpose: "reset", createdById: actor.id }, now);
    },
  );
  return { resetLink: link!.path, expiresAt: link!.expiresAt };
}
