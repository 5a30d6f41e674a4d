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

/** The session's one read of its user: who they are, whether the session stands, their second factor and the header's unread count. */
async function readSessionUser(prisma: PrismaClient, userId: string, sessionVersion: number | undefined) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      organisationId: true,
      siteId: true,
      active: true,
      sessionVersion: true,
      mfaEnabledAt: true,
      // The unread reminder digests the signed-in header shows beside "Notifications", counted in
      // the same statement (docs/decisions/0035-work-queue-page-cost.md, amendment: the case page).
      _count: { select: { reminderDigests: { where: { readAt: null } } } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  const sessionUser: SessionUser = {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles.filter(isRole),
    organisationId: user.organisationId,
    siteId: user.siteId,
  };
  return { user: sessionUser, mfaEnrolled: Boolean(user.mfaEnabledAt), unreadNotifications: user._count.reminderDigests };
}

/**
 * The user behind a session, or null when the session no longer stands: the user was
 * deactivated, or signed out everywhere / had a password reset since (sessionVersion, SE-04).
 */
export async function findSessionUser(prisma: PrismaClient, userId: string, sessionVersion: number | undefined): Promise<SessionUser | null> {
  return (await readSessionUser(prisma, userId, sessionVersion))?.user ?? null;
}

export interface SessionAccess {
  user: SessionUser;
  /** What the session still has to do before it reaches the app (docs/security.md AU-04). */
  mfa: MfaStep;
  /** The user's unread reminder digests (lib/server/notifications/list-notifications.ts), for the header. */
  unreadNotifications: number;
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
  const read = await readSessionUser(prisma, userId, sessionVersion);
  if (!read) return null;
  const { user, mfaEnrolled: enrolled, unreadNotifications } = read;
  if (mfaVerifiedThisSession) return { user, mfa: "done", unreadNotifications };
  const onlyCaseworkerRules = !mfaRequiredFor(user.roles, false);
  const requiredForCaseworkers =
    !enrolled && onlyCaseworkerRules && user.roles.includes("caseworker")
      ? (await loadSettings(prisma, ["security.mfaRequiredForCaseworkers"]))["security.mfaRequiredForCaseworkers"]
      : false;
  return {
    user,
    mfa: mfaStepFor({ enrolled, required: mfaRequiredFor(user.roles, requiredForCaseworkers), verifiedThisSession: false }),
    unreadNotifications,
  };
}
