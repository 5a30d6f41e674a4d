import { describe, expect, it } from "vitest";
import {
  ABSOLUTE_LIFETIME_SECONDS,
  IDLE_TIMEOUT_SECONDS,
  sessionCookieName,
  sessionExpired,
  useSecureCookies,
} from "@/lib/auth/session-policy";

describe("session lifetimes and cookie (SE-01, SE-02)", () => {
  it("times out after at most 30 minutes idle and at most 12 hours in all (SE-02)", () => {
    expect(IDLE_TIMEOUT_SECONDS).toBeGreaterThan(0);
    expect(IDLE_TIMEOUT_SECONDS).toBeLessThanOrEqual(30 * 60);
    expect(ABSOLUTE_LIFETIME_SECONDS).toBeGreaterThan(IDLE_TIMEOUT_SECONDS);
    expect(ABSOLUTE_LIFETIME_SECONDS).toBeLessThanOrEqual(12 * 60 * 60);
  });

  it("ends a session once the absolute lifetime has passed since sign-in, whatever the activity (SE-02)", () => {
    const signedInAt = 1_700_000_000;
    expect(sessionExpired(signedInAt, signedInAt)).toBe(false);
    expect(sessionExpired(signedInAt, signedInAt + ABSOLUTE_LIFETIME_SECONDS)).toBe(false);
    expect(sessionExpired(signedInAt, signedInAt + ABSOLUTE_LIFETIME_SECONDS + 1)).toBe(true);
    expect(sessionExpired(signedInAt, signedInAt + 30 * 24 * 60 * 60)).toBe(true);
  });

  it("treats a token without a sign-in time as expired (fail closed)", () => {
    expect(sessionExpired(undefined, 1_700_000_000)).toBe(true);
  });

  it("names the secure session cookie with the __Host- prefix (SE-01)", () => {
    expect(sessionCookieName(true)).toMatch(/^__Host-/);
    expect(sessionCookieName(false)).not.toMatch(/^__(Host|Secure)-/);
  });

  it("uses secure cookies unless AUTH_INSECURE_COOKIES=1 is set explicitly (SE-01)", () => {
    expect(useSecureCookies({} as NodeJS.ProcessEnv)).toBe(true);
    expect(useSecureCookies({ AUTH_INSECURE_COOKIES: "0" } as unknown as NodeJS.ProcessEnv)).toBe(true);
    expect(useSecureCookies({ AUTH_INSECURE_COOKIES: "true" } as unknown as NodeJS.ProcessEnv)).toBe(true);
    expect(useSecureCookies({ AUTH_INSECURE_COOKIES: "1" } as unknown as NodeJS.ProcessEnv)).toBe(false);
  });
});
