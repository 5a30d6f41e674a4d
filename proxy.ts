import { NextResponse, type NextRequest } from "next/server";
import { IDLE_TIMEOUT_SECONDS, sessionCookieName, useSecureCookies } from "@/lib/auth/session-policy";
import { claimsToCarry, sessionCookieAction } from "@/lib/auth/session-refresh";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";
import { REQUEST_ID_HEADER } from "@/lib/log/request-context";
import { buildContentSecurityPolicy, generateNonce } from "@/lib/security/csp";

/**
 * Runs before every request: a fresh CSP nonce (HD-01), and the rolling refresh of the session
 * cookie (SE-02, lib/auth/session-refresh.ts). It does NOT authorise anything — every page and
 * server action checks the user against the database itself (docs/architecture.md;
 * CVE-2025-29927 is why).
 */
const secure = useSecureCookies();
const cookieName = sessionCookieName(secure);

async function refreshSessionCookie(request: NextRequest, response: NextResponse): Promise<void> {
  const token = request.cookies.get(cookieName)?.value;
  const secret = process.env.AUTH_SECRET;
  if (!token || !secret) return;
  const claims = await decodeSessionToken({ token, secret, salt: cookieName });
  const action = sessionCookieAction(claims, true, Math.floor(Date.now() / 1000));
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  if (action === "clear") {
    response.cookies.set(cookieName, "", { ...options, maxAge: 0 });
  } else if (action === "refresh" && claims) {
    const value = await encodeSessionToken({ token: claimsToCarry(claims), secret, salt: cookieName, maxAge: IDLE_TIMEOUT_SECONDS });
    response.cookies.set(cookieName, value, { ...options, expires: new Date(Date.now() + IDLE_TIMEOUT_SECONDS * 1000) });
  }
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const nonce = generateNonce();
  const csp = buildContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // One id per request, for its log lines (docs/security.md LG-05); a client-sent one is replaced.
  const requestId = crypto.randomUUID();
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("content-security-policy", csp);
  // The path the user asked for, so a sign-in redirect can come back to it (same-origin only).
  requestHeaders.set("x-ses-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  await refreshSessionCookie(request, response);
  return response;
}

export const config = {
  // Static files need no nonce or session: they get the closed CSP from next.config.js.
  // Health checks (/healthz, /readyz) need no session and must stay cheap (docs/security.md SO-07).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|manifest.webmanifest|healthz|readyz).*)"],
};
