import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { recordRefusedRequest } from "@/lib/server/audit/record-refused-request";
import { findSessionUser, type SessionUser } from "@/lib/server/users/find-session-user";
import { REQUEST_ID_HEADER, rememberRequestUser } from "@/lib/log/request-context";
import { clientAddress } from "@/lib/security/client-address";
import { can, type Permission } from "../domain/permissions";
import { safeCallbackUrl } from "./safe-callback-url";
import { sessionCookieName, sessionExpired, useSecureCookies } from "./session-policy";
import { decodeSessionToken } from "./session-token";

const cookieName = sessionCookieName(useSecureCookies());

/**
 * The session's claims from its cookie: decrypted with the per-process key
 * (lib/auth/session-token.ts), without Auth.js's per-call CSRF token and re-encryption — proxy.ts
 * re-issues the rolling cookie. Null when absent, invalid, or past the absolute limit (SE-02).
 */
async function sessionClaims(): Promise<{ userId: string; sessionVersion: number | undefined } | null> {
  const token = (await cookies()).get(cookieName)?.value;
  const secret = process.env.AUTH_SECRET;
  if (!token || !secret) return null;
  const claims = await decodeSessionToken({ token, secret, salt: cookieName });
  if (!claims || typeof claims.sub !== "string") return null;
  if (sessionExpired(claims.signedInAt as number | undefined, Math.floor(Date.now() / 1000))) return null;
  return { userId: claims.sub, sessionVersion: typeof claims.sv === "number" ? claims.sv : undefined };
}

export type CurrentUser = SessionUser & { ip: string; userAgent: string | null };

/** The signed-in user for this request, checked against the database (once per request). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await sessionClaims();
  if (!session) return null;
  const user = await findSessionUser(await getPrisma(), session.userId, session.sessionVersion);
  if (!user) return null;
  const requestHeaders = await headers();
  rememberRequestUser(requestHeaders.get(REQUEST_ID_HEADER), user.id);
  return { ...user, ip: clientAddress(requestHeaders), userAgent: requestHeaders.get("user-agent") };
});

/**
 * For pages: the signed-in user, or a redirect to sign-in (coming back here afterwards). A user
 * without the permission gets the same 404 as a page that does not exist — nothing is revealed.
 */
export async function requireUser(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = safeCallbackUrl((await headers()).get("x-ses-path"));
    redirect(path === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (permission && !can(user.roles, permission)) {
    // The refusal is a security event, in the case's access log when it names a case (LG-03).
    await recordRefusedRequest(await getPrisma(), user, (await headers()).get("x-ses-path") ?? "/", "page");
    notFound();
  }
  return user;
}
