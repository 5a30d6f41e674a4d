import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { recordRefusedRequest } from "@/lib/server/audit/record-refused-request";
import { findSessionAccess, type SessionUser } from "@/lib/server/users/find-session-user";
import type { MfaStep } from "../domain/identity/mfa-policy";
import { auth, unstable_update } from "./auth";
import { REQUEST_ID_HEADER, rememberRequestUser } from "@/lib/log/request-context";
import { clientAddress } from "@/lib/security/client-address";
import { can, type Permission } from "../domain/permissions";
import { safeCallbackUrl } from "./safe-callback-url";
import { mintSessionGrant } from "./session-grant";
import { sessionCookieName, sessionExpired, useSecureCookies } from "./session-policy";
import { decodeSessionToken } from "./session-token";

const cookieName = sessionCookieName(useSecureCookies());

interface SessionClaims {
  userId: string;
  sessionVersion: number | undefined;
  mfa: boolean;
}

/**
 * The session's claims from its cookie: decrypted with the per-process key
 * (lib/auth/session-token.ts), without Auth.js's per-call CSRF token and re-encryption — proxy.ts
 * re-issues the rolling cookie. Null when absent, invalid, or past the absolute limit (SE-02).
 */
async function sessionClaims(): Promise<SessionClaims | null> {
  const token = (await cookies()).get(cookieName)?.value;
  const secret = process.env.AUTH_SECRET;
  if (!token || !secret) return null;
  const claims = await decodeSessionToken({ token, secret, salt: cookieName });
  if (!claims || typeof claims.sub !== "string") return null;
  if (sessionExpired(claims.signedInAt as number | undefined, Math.floor(Date.now() / 1000))) return null;
  return { userId: claims.sub, sessionVersion: typeof claims.sv === "number" ? claims.sv : undefined, mfa: claims.mfa === true };
}

export type CurrentUser = SessionUser & { ip: string; userAgent: string | null };

interface SessionState {
  user: CurrentUser;
  mfa: MfaStep;
  unreadNotifications: number;
}

/** The session's user and how far it has got through the second factor (once per request). */
const getSessionState = cache(async (): Promise<SessionState | null> => {
  const session = await sessionClaims();
  if (!session) return null;
  const access = await findSessionAccess(await getPrisma(), session.userId, session.sessionVersion, session.mfa);
  if (!access) return null;
  const requestHeaders = await headers();
  rememberRequestUser(requestHeaders.get(REQUEST_ID_HEADER), access.user.id);
  return {
    user: { ...access.user, ip: clientAddress(requestHeaders), userAgent: requestHeaders.get("user-agent") },
    mfa: access.mfa,
    unreadNotifications: access.unreadNotifications,
  };
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

/**
 * The signed-in user's unread reminder digests, for the header: read with the session's user, in
 * the same statement (lib/server/users/find-session-user.ts), so it costs no round trip of its own.
 */
export async function getUnreadNotificationCount(): Promise<number> {
  const state = await getSessionState();
  return state?.mfa === "done" ? state.unreadNotifications : 0;
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
