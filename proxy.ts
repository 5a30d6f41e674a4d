import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";
import { buildContentSecurityPolicy, generateNonce } from "@/lib/security/csp";

/**
 * Runs before every request: a fresh CSP nonce (HD-01), and the rolling refresh of the session
 * cookie (SE-02). It does NOT authorise anything — every page and server action checks the user
 * against the database itself (docs/architecture.md; CVE-2025-29927 is why).
 */
const { auth } = NextAuth(authConfig);

export const proxy = auth((request) => {
  const nonce = generateNonce();
  const csp = buildContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // The path the user asked for, so a sign-in redirect can come back to it (same-origin only).
  requestHeaders.set("x-ses-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
});

export const config = {
  // Static files need no nonce or session: they get the closed CSP from next.config.js.
  // Health checks (/healthz, /readyz) need no session and must stay cheap (docs/security.md SO-07).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|manifest.webmanifest|healthz|readyz).*)"],
};
