import type { PrismaClient } from "@/lib/db/prisma";
import { normaliseRecoveryCode } from "@/lib/domain/identity/mfa-policy";
import { recordAudit } from "../audit/record-audit";
import type { UseCaseActor } from "../assert-can";
import { verifyPassword } from "../auth/password";
import { claimLoginAttempt, clearLoginFailures } from "../auth/login-throttle";
import { UseCaseError } from "../use-case-error";
import { checkTotp, openTotpSecret } from "./totp";

export const MFA_CODE_WRONG = "The code is not right. Enter the 6-digit code your authenticator app shows now, or a recovery code";
export const MFA_LOCKED = "You have entered too many wrong codes. Wait 15 minutes, then try again, or ask an administrator to reset your two-factor authentication.";

/**
 * The second step of signing in (docs/security.md AU-04): a TOTP code, usable once (the time
 * step is claimed atomically, so the same code cannot pass twice), or an unused recovery code,
 * spent as it passes. Attempts count against the same limit as passwords (five in 15 minutes per
 * user). Every outcome is audited (AU-08).
 */
export async function verifySecondFactor(prisma: PrismaClient, actor: UseCaseActor, typed: string, now: Date = new Date()): Promise<{ method: "totp" | "recovery_code"; recoveryCodesLeft?: number }> {
  const throttleKey = `mfa:${actor.id}`;
  const throttle = await claimLoginAttempt(prisma, throttleKey, "unknown", now);
  if (!throttle.allowed) {
    await recordAudit(prisma, actor, { action: "auth.mfa_refused_locked", entityType: "User", entityId: actor.id });
    throw new UseCaseError("INVALID", MFA_LOCKED, { code: MFA_LOCKED });
  }
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { mfaSecret: true, mfaEnabledAt: true, mfaLastTimeStep: true } });
  const secret = user?.mfaSecret && user.mfaEnabledAt ? openTotpSecret(actor.id, user.mfaSecret) : null;
  if (!secret) throw new UseCaseError("INVALID", "Two-factor authentication is not set up for your account.");

  const compact = typed.replace(/\s/g, "");
  if (/^\d{6}$/.test(compact)) {
    const check = await checkTotp(secret, compact, user!.mfaLastTimeStep, now);
    if (check.valid) {
      const claimed = await prisma.$transaction(async (tx) => {
        const updated = await tx.user.updateMany({
          where: { id: actor.id, OR: [{ mfaLastTimeStep: null }, { mfaLastTimeStep: { lt: check.timeStep } }] },
          data: { mfaLastTimeStep: check.timeStep },
        });
        if (updated.count === 1) await recordAudit(tx, actor, { action: "auth.mfa_verified", entityType: "User", entityId: actor.id, after: { method: "totp" } });
        return updated.count === 1;
      });
      if (claimed) {
        await clearLoginFailures(prisma, throttleKey);
        return { method: "totp" };
      }
    }
  } else {
    const candidates = await prisma.mfaRecoveryCode.findMany({ where: { userId: actor.id, usedAt: null }, select: { id: true, codeHash: true } });
    const code = normaliseRecoveryCode(typed);
    for (const candidate of candidates) {
      if (!(await verifyPassword(candidate.codeHash, code))) continue;
      const left = await prisma.$transaction(async (tx) => {
        const spent = await tx.mfaRecoveryCode.updateMany({ where: { id: candidate.id, usedAt: null }, data: { usedAt: now } });
        if (spent.count === 0) return null;
        const remaining = await tx.mfaRecoveryCode.count({ where: { userId: actor.id, usedAt: null } });
        await recordAudit(tx, actor, { action: "auth.mfa_verified", entityType: "User", entityId: actor.id, after: { method: "recovery_code", recoveryCodesLeft: remaining } });
        return remaining;
      });
      if (left !== null) {
        await clearLoginFailures(prisma, throttleKey);
        return { method: "recovery_code", recoveryCodesLeft: left };
      }
    }
  }
  await recordAudit(prisma, actor, { action: "auth.mfa_failed", entityType: "User", entityId: actor.id });
  throw new UseCaseError("INVALID", MFA_CODE_WRONG, { code: MFA_CODE_WRONG });
}
