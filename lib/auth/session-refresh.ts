import type { JWTPayload } from "jose";
import { sessionExpired } from "./session-policy";

/**
 * How often the rolling session cookie is re-issued (docs/security.md SE-02). Re-encrypting it on
 * every request cost more CPU than rendering some pages (npm run bench, docs/decisions/0024-session-token-per-request.md);
 * re-issuing it once a minute keeps the 30-minute idle timeout exact to within that minute.
 */
export const SESSION_REFRESH_SECONDS = 60;

export type SessionCookieAction = "none" | "keep" | "refresh" | "clear";

/** What proxy.ts does with the session cookie of a request, from its decoded claims. */
export function sessionCookieAction(claims: JWTPayload | null, hadCookie: boolean, nowSeconds: number): SessionCookieAction {
  if (!hadCookie) return "none";
  if (!claims) return "clear"; // tampered, foreign or past its idle expiry
  if (sessionExpired(claims.signedInAt as number | undefined, nowSeconds)) return "clear"; // absolute limit
  const issuedAt = typeof claims.iat === "number" ? claims.iat : 0;
  return nowSeconds - issuedAt >= SESSION_REFRESH_SECONDS ? "refresh" : "keep";
}

/** The claims to carry into a re-issued token: everything but the times and id the new one gets. */
export function claimsToCarry(claims: JWTPayload): JWTPayload {
  const { iat: _iat, exp: _exp, jti: _jti, nbf: _nbf, ...rest } = claims;
  return rest;
}
