import type { PrismaClient } from "@/lib/db/prisma";
import type { ChangeOwnPasswordInput } from "@/lib/domain/forms/identity-forms";
import { passwordProblem } from "@/lib/domain/password-policy";
import { recordAudit } from "../audit/record-audit";
import { hashPassword, verifyPassword } from "../auth/password";
import type { UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";

const CURRENT_WRONG = "Your current password is not right";

/**
 * A signed-in user changes their own password (docs/security.md AU-06), giving the current one.
 * Their other sessions end (the session version moves on; the caller carries this session over
 * to the new version) and any outstanding set-up or reset link is revoked.
 */
export async function changeOwnPassword(prisma: PrismaClient, actor: UseCaseActor, input: ChangeOwnPasswordInput, now: Date = new Date()): Promise<{ sessionVersion: number }> {
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, email: true, name: true, version: true } });
  if (!user) throw new UseCaseError("NOT_FOUND", "That record could not be found.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit(prisma, actor, { action: "auth.password_change_refused", entityType: "User", entityId: actor.id, reason: "wrong current password" });
    throw new UseCaseError("INVALID", CURRENT_WRONG, { currentPassword: CURRENT_WRONG });
  }
  const problem = passwordProblem(input.password, { email: user.email, name: user.name });
  if (problem) throw new UseCaseError("INVALID", problem, { password: problem });
  if (input.password === input.currentPassword) {
    throw new UseCaseError("INVALID", "Enter a new password that is different from your current one", { password: "Enter a new password that is different from your current one" });
  }
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: actor.id, version: user.version },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new UseCaseError("STALE", "Your account changed while you were doing this. Try again.");
    await tx.passwordLink.updateMany({ where: { userId: actor.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, actor, { action: "user.password_changed", entityType: "User", entityId: actor.id, after: { otherSessionsEnded: true } });
    const after = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { sessionVersion: true } });
    return { sessionVersion: after.sessionVersion };
  });
}
