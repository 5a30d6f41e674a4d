import type { PrismaClient } from "@/lib/db/prisma";
import type { SetPasswordInput } from "@/lib/domain/forms/identity-forms";
import { passwordProblem } from "@/lib/domain/password-policy";
import { isRole } from "@/lib/domain/permissions";
import { recordAudit } from "../audit/record-audit";
import { loginEmailKey } from "../auth/login-throttle";
import { hashPassword } from "../auth/password";
import { UseCaseError } from "../use-case-error";
import { findUsablePasswordLink } from "./password-links";

export const LINK_UNUSABLE = "This link has expired or has already been used. Ask an administrator for a new one.";

/**
 * The user sets their own password from a set-up or reset link (docs/security.md AU-06), under
 * the password policy (AU-03). The link is spent atomically with the change, so a second
 * submission (or a second tab) is refused and changes nothing; any session of the account ends.
 */
export async function setPasswordFromLink(
  prisma: PrismaClient,
  input: SetPasswordInput,
  request: { ip: string | null; userAgent: string | null },
  now: Date = new Date(),
): Promise<void> {
  const link = await findUsablePasswordLink(prisma, input.token, now);
  if (!link) throw new UseCaseError("INVALID", LINK_UNUSABLE);
  const problem = passwordProblem(input.password, { email: link.userEmail, name: link.userName });
  if (problem) throw new UseCaseError("INVALID", problem, { password: problem });
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    const spent = await tx.passwordLink.updateMany({ where: { id: link.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (spent.count === 0) throw new UseCaseError("INVALID", LINK_UNUSABLE);
    const user = await tx.user.update({
      where: { id: link.userId },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 }, lockedUntil: null, failedLoginCount: 0, version: { increment: 1 } },
    });
    await tx.rateLimit.deleteMany({ where: { key: loginEmailKey(user.email) } });
    await recordAudit(tx, { id: user.id, roles: user.roles.filter(isRole), ...request }, {
      action: "user.password_set",
      entityType: "User",
      entityId: user.id,
      after: { from: link.purpose === "reset" ? "reset link" : "set-up link", sessionsEnded: true },
    });
  });
}
