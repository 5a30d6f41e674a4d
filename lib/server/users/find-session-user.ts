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

interface SessionUserRow {
  id: string;
  name: string;
  email: string;
  roles: string[];
  organisationId: string;
  siteId: string | null;
  active: boolean;
  sessionVersion: number;
  mfaEnabledAt: Date | null;
  unreadNotifications: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The session's one read of its user, on every signed-in request: who they are, whether the session
 * stands, their second factor and the header's unread reminder digests, in one hand-written
 * statement (docs/decisions/0041-work-queue-in-sql.md: Prisma's own cost per query showed in every page's profile).
 */
async function readSessionUser(prisma: PrismaClient, userId: string, sessionVersion: number | undefined) {
  if (!UUID.test(userId)) return null;
  const [user] = await prisma.$queryRaw<SessionUserRow[]>`
    SELECT u."id", u."name", u."email", u."roles"::text[] AS "roles", u."organisationId", u."siteId", u."active",
      u."sessionVersion", u."mfaEnabledAt",
      (SELECT count(*)::int FROM "ReminderDigest" d WHERE d."userId" = u."id" AND d."readAt" IS NULL) AS "unreadNotifications"
    FROM "User" u
    WHERE u."id" = ${userId}::uuid`;
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  const sessionUser: SessionUser = {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles.filter(isRole),
    organisationId: user.organisationId,
    siteId: user.siteId,
  };
  return { user: sessionUser, mfaEnrolled: user.mfaEnabledAt !== null, unreadNotifications: user.unreadNotifications };
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
