/**
 * Session lifetimes (docs/security.md SE-02): the JWT cookie is rolling with a 30-minute idle timeout
 * (refreshed by proxy.ts on each request) and an absolute limit of 12 hours from sign-in.
 */
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
export const ABSOLUTE_LIFETIME_SECONDS = 12 * 60 * 60;

/**
 * Secure cookies with the __Host- prefix (SE-01). Browsers accept Secure cookies from
 * http://localhost, so the local demo keeps them; AUTH_INSECURE_COOKIES=1 is an escape hatch for
 * plain-HTTP testing on another host name and must never be set in production.
 */
export function useSecureCookies(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.AUTH_INSECURE_COOKIES !== "1";
}

export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-ses.session" : "ses.session";
}

export function sessionExpired(signedInAtSeconds: number | undefined, nowSeconds: number): boolean {
  if (typeof signedInAtSeconds !== "number") return true;
  return nowSeconds - signedInAtSeconds > ABSOLUTE_LIFETIME_SECONDS;
}
