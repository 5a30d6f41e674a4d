import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { recordRefusedRequest } from "@/lib/server/audit/record-refused-request";
import { findSessionAccess, type SessionUser } from "@/lib/server/users/find-session-user";
import type { MfaStep } from "../domain/identity/mfa-policy";
import { auth, unstable_update } from "./auth";
import { clientIp } from "./client-ip";
import { can, type Permission } from "../domain/permissions";
import { safeCallbackUrl } from "./safe-callback-url";
import { mintSessionGrant } from "./session-grant";

export type CurrentUser = SessionUser & { ip: string; userAgent: string | null };

interface SessionState {
  user: CurrentUser;
  mfa: MfaStep;
}

/** The session's user and how far it has got through the second factor (once per request). */
const getSessionState = cache(async (): Promise<SessionState | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const access = await findSessionAccess(await getPrisma(), userId, session.sessionVersion, session.mfa === true);
  if (!access) return null;
  const requestHeaders = await headers();
  return { user: { ...access.user, ip: clientIp(requestHeaders), userAgent: requestHeaders.get("user-agent") }, mfa: access.mfa };
});

/**
 * The signed-in user for this request, checked against the database (once per request). A
 * session that has not yet passed the second factor it needs is not signed in for the app: it
 * reaches only the two-factor pages (docs/security.md AU-04), through getPendingMfaUser.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const state = await getSessionState();
  return state?.mfa === "done" ? state.user : null;
}

/** A session that has passed the password but still has to verify or set up its second factor. */
export async function getPendingMfaUser(): Promise<{ user: CurrentUser; step: Exclude<MfaStep, "done"> } | null> {
  const state = await getSessionState();
  return state && state.mfa !== "done" ? { user: state.user, step: state.mfa } : null;
}

/** Any session that stands (signed in, or part-way through the second factor): for signing out. */
export async function getSessionUser(): Promise<CurrentUser | null> {
  return (await getSessionState())?.user ?? null;
}

/**
 * Marks this session as having passed the second factor and, after a password change, moves it
 * to the user's new session version (their other sessions end; this one carries on). The jwt
 * callback takes only a grant signed with AUTH_SECRET (lib/auth/session-grant.ts).
 */
export async function upgradeSession(change: { sessionVersion?: number } = {}): Promise<void> {
  const session = await auth();
  const sub = session?.user?.id;
  if (!sub || typeof session.signedInAt !== "number" || !process.env.AUTH_SECRET) return;
  const grant = await mintSessionGrant(
    { sub, signedInAt: session.signedInAt, sv: change.sessionVersion ?? session.sessionVersion ?? 0, mfa: true },
    process.env.AUTH_SECRET,
  );
  await unstable_update({ grant });
}

/**
 * For pages: the signed-in user, or a redirect to sign-in (coming back here afterwards), or to
 * the second factor when the session has not passed it yet. A user without the permission gets
 * the same 404 as a page that does not exist — nothing is revealed.
 */
export async function requireUser(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = safeCallbackUrl((await headers()).get("x-ses-path"));
    const query = path === "/" ? "" : `?callbackUrl=${encodeURIComponent(path)}`;
    if (await getPendingMfaUser()) redirect(`/sign-in/two-factor${query}`);
    redirect(`/sign-in${query}`);
  }
  if (permission && !can(user.roles, permission)) {
    // The refusal is a security event, in the case's access log when it names a case (LG-03).
    await recordRefusedRequest(await getPrisma(), user, (await headers()).get("x-ses-path") ?? "/", "page");
    notFound();
  }
  return user;
}
