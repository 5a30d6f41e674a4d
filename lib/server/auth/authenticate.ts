import { hashPassword, needsRehash, timingSafeDummyHash, verifyPassword } from "@/lib/server/auth/password";
import { isRole, type Role } from "@/lib/domain/permissions";
import type { PrismaClient } from "@/lib/db/prisma";
import { recordAudit } from "../audit/record-audit";
import { hashDeviceId } from "@/lib/security/remembered-device";
import { claimLoginAttempt, clearLoginFailures, recordLoginFailure, type LoginClaim } from "./login-throttle";
import { isRememberedDevice } from "./remembered-devices";

export interface SignInAttempt {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  /** The device id of a verified remembered-device cookie (lib/security/remembered-device.ts), if the browser sent one. */
  deviceId?: string | null;
}

export interface AuthenticatedUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  sessionVersion: number;
}

export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  /** "delayed": a wait after failures in a row is running; "locked": the email or the address is locked. The user sees one message for all (AU-02). */
  | { ok: false; reason: "invalid" | "delayed" | "locked"; lockedUntil?: Date | null };

/**
 * Checks an email and password. Unknown email, wrong password and deactivated account all give
 * "invalid" (one generic message; the unknown-email path still verifies a hash so timing matches).
 * Every outcome is audited with IP and user agent, never the password (docs/security.md AU-08).
 */
export async function authenticate(
  prisma: PrismaClient,
  attempt: SignInAttempt,
  now: Date = new Date(),
): Promise<AuthenticationResult> {
  const email = attempt.email.trim().toLowerCase();
  const context = { ip: attempt.ip, userAgent: attempt.userAgent };

  const claim = await claimLoginAttempt(prisma, email, attempt.ip, now);
  if (!claim.allowed) {
    // The owner on one of their remembered devices may still pass the password here; the second
    // factor then unlocks (docs/security.md AU-02; lib/server/identity/complete-second-factor.ts).
    const owner = await ownerOnRememberedDevice(prisma, email, attempt, claim, now);
    if (owner) return owner;
    // Refused without checking the password or counting the attempt, so the wait or lock is not
    // lengthened (docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md).
    await recordAudit(prisma, { id: null, roles: [], ...context }, {
      action: "auth.sign_in_refused_locked",
      entityType: "User",
      entityId: email.slice(0, 100),
      reason: `${claim.refusal} until ${claim.until.toISOString()}`,
    });
    return { ok: false, reason: claim.refusal === "waiting" ? "delayed" : "locked", lockedUntil: claim.until };
  }

  const user = await prisma.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingSafeDummyHash()), attempt.password);

  if (!user || !user.active || !passwordOk) {
    const failure = await recordLoginFailure(prisma, claim, attempt.ip, now);
    await prisma.$transaction(async (tx) => {
      await recordAudit(tx, { id: user?.id ?? null, roles: [], ...context }, {
        action: "auth.sign_in_failed",
        entityType: "User",
        entityId: user?.id ?? null,
        reason: user ? (user.active ? "wrong password" : "account deactivated") : "unknown email",
      });
      if (failure.locked) {
        if (user) await tx.user.update({ where: { id: user.id }, data: { lockedUntil: failure.lockedUntil } });
        await recordAudit(tx, { id: null, roles: [], ...context }, {
          action: "auth.locked_out",
          entityType: "User",
          entityId: user?.id ?? email.slice(0, 100),
          reason: `${failure.lockedUntil?.toISOString()} after ${claim.failuresInARow} failures in a row`,
        });
      }
    });
    return failure.locked ? { ok: false, reason: "locked", lockedUntil: failure.lockedUntil } : { ok: false, reason: "invalid" };
  }

  await clearLoginFailures(prisma, email);
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(attempt.password) : null;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { lastSignedInAt: now, failedLoginCount: 0, lockedUntil: null, ...(rehash ? { passwordHash: rehash } : {}) },
    });
    await recordAudit(tx, { id: user.id, roles: user.roles.filter(isRole), ...context }, {
      action: "auth.signed_in",
      entityType: "User",
      entityId: user.id,
    });
  });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, roles: user.roles.filter(isRole), sessionVersion: user.sessionVersion },
  };
}

/**
 * A locked (or delayed) account signing in from one of its owner's remembered devices
 * (docs/security.md AU-02, AU-04; docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md):
 * the password is checked and, when right, the session goes on to the second factor — only an
 * account with a second factor set up, since that step is what unlocks. Password guesses through a
 * stolen device cookie meet the device's own delay-then-lock. From an unknown device, or with a
 * wrong password, the answer is the ordinary refusal (one message for all, AU-02). Null: not this path.
 */
async function ownerOnRememberedDevice(
  prisma: PrismaClient,
  email: string,
  attempt: SignInAttempt,
  refused: Extract<LoginClaim, { allowed: false }>,
  now: Date,
): Promise<AuthenticationResult | null> {
  if (!attempt.deviceId) return null;
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user || !user.active || !user.mfaEnabledAt) return null;
  if (!(await isRememberedDevice(prisma, user.id, attempt.deviceId, now))) return null;
  const deviceKey = `device:${hashDeviceId(attempt.deviceId)}`;
  const deviceClaim = await claimLoginAttempt(prisma, deviceKey, "unknown", now);
  if (!deviceClaim.allowed) return null;
  const context = { ip: attempt.ip, userAgent: attempt.userAgent };
  if (!(await verifyPassword(user.passwordHash, attempt.password))) {
    await recordLoginFailure(prisma, deviceClaim, "unknown", now);
    await recordAudit(prisma, { id: user.id, roles: [], ...context }, {
      action: "auth.sign_in_failed",
      entityType: "User",
      entityId: user.id,
      reason: "wrong password (sign-in locked; remembered device)",
    });
    return { ok: false, reason: refused.refusal === "waiting" ? "delayed" : "locked", lockedUntil: refused.until };
  }
  await clearLoginFailures(prisma, deviceKey);
  await recordAudit(prisma, { id: user.id, roles: user.roles.filter(isRole), ...context }, {
    action: "auth.password_accepted_while_locked",
    entityType: "User",
    entityId: user.id,
    reason: `${refused.refusal} until ${refused.until.toISOString()}; remembered device; the second factor unlocks`,
  });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, roles: user.roles.filter(isRole), sessionVersion: user.sessionVersion },
  };
}
