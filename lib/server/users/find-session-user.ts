import { isRole, type Role } from "@/lib/domain/permissions";
import type { PrismaClient } from "@/lib/db/prisma";
import { mfaRequiredFor, mfaStepFor, type MfaStep } from "@/lib/domain/identity/mfa-policy";
import { loadSettings } from "../reference/load-settings";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  organisationId: string;
  siteId: string | null;
}

/**
 * The user behind a session, or null when the session no longer stands: the user was
 * deactivated, or signed out everywhere / had a password reset since (sessionVersion, SE-04).
 */
export async function findSessionUser(prisma: PrismaClient, userId: string, sessionVersion: number | undefined): Promise<SessionUser | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, roles: true, organisationId: true, siteId: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles.filter(isRole),
    organisationId: user.organisationId,
    siteId: user.siteId,
  };
}

export interface SessionAccess {
  user: SessionUser;
  /** What the session still has to do before it reaches the app (docs/security.md AU-04). */
  mfa: MfaStep;
}

/**
 * The user behind a session and whether the session has passed the second factor: an enrolled
 * user must verify at every sign-in, and a user whose roles require it must enrol first. Roles
 * and enrolment are read from the database, so a role change or an MFA reset applies at once.
 */
export async function findSessionAccess(
  prisma: PrismaClient,
  userId: string,
  sessionVersion: number | undefined,
  mfaVerifiedThisSession: boolean,
): Promise<SessionAccess | null> {
  const user = await findSessionUser(prisma, userId, sessionVersion);
  if (!user) return null;
  if (mfaVerifiedThisSession) return { user, mfa: "done" };
  const row = await prisma.user.findUnique({ where: { id: userId }, select: { mfaEnabledAt: true } });
  const enrolled = Boolean(row?.mfaEnabledAt);
  const onlyCaseworkerRules = !mfaRequiredFor(user.roles, false);
  const requiredForCaseworkers =
    !enrolled && onlyCaseworkerRules && user.roles.includes("caseworker")
      ? (await loadSettings(prisma, ["security.mfaRequiredForCaseworkers"]))["security.mfaRequiredForCaseworkers"]
      : false;
  return { user, mfa: mfaStepFor({ enrolled, required: mfaRequiredFor(user.roles, requiredForCaseworkers), verifiedThisSession: false }) };
}
