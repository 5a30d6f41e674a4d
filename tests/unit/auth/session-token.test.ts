import { decode, encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { claimsToCarry, SESSION_REFRESH_SECONDS, sessionCookieAction } from "@/lib/auth/session-refresh";
import { ABSOLUTE_LIFETIME_SECONDS } from "@/lib/auth/session-policy";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";

const secret = "unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const salt = "__Host-ses.session";
const claims = { sub: "user-1", sv: 3, signedInAt: 1_800_000_000, name: "Ann Example" };

describe("the session token (docs/decisions/0024-session-token-per-request.md)", () => {
  it("reads a token Auth.js encoded, so sessions signed in through Auth.js keep working (SE-02)", async () => {
    const token = await encode({ token: claims, secret, salt, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
  });

  it("writes a token Auth.js reads, so Auth.js's own routes accept a cookie the proxy re-issued", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    expect(await decode({ token, secret, salt })).toMatchObject(claims);
  });

  it("refuses a tampered token, another secret's token, another cookie's token and an expired one", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await decodeSessionToken({ token: tampered, secret, salt })).toBeNull();
    expect(await decodeSessionToken({ token, secret: `${secret}-other`, salt })).toBeNull();
    expect(await decodeSessionToken({ token, secret, salt: "ses.session" })).toBeNull();
    const expired = await encodeSessionToken({ token: claims, secret, salt, maxAge: -60 });
    expect(await decodeSessionToken({ token: expired, secret, salt })).toBeNull();
    expect(await decodeSessionToken({ token: "", secret, salt })).toBeNull();
    expect(await decodeSessionToken({ token: "not-a-jwt", secret, salt })).toBeNull();
  });
});

describe("a token already read in this process (docs/decisions/0031-per-request-and-per-process-caches.md)", () => {
  afterEach(() => vi.useRealTimers());

  it("reads it again with the same claims, and refuses it once it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-03T10:00:00Z") });
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    vi.setSystemTime(new Date("2026-12-03T10:01:20Z")); // 60 s and the 15 s tolerance later
    expect(await decodeSessionToken({ token, secret, salt })).toBeNull();
  });

  it("refuses it under another secret or another cookie's name, though it read it before", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    expect(await decodeSessionToken({ token, secret: `${secret}-rotated`, salt })).toBeNull();
    expect(await decodeSessionToken({ token, secret, salt: "ses.session" })).toBeNull();
  });

  it("hands each caller its own copy of the claims", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    const first = await decodeSessionToken({ token, secret, salt });
    first!.sub = "someone-else";
    expect((await decodeSessionToken({ token, secret, salt }))?.sub).toBe("user-1");
  });
});

describe("the rolling session cookie (SE-02)", () => {
  const now = 1_800_000_600;
  it("re-issues a cookie once it is a minute old, and leaves a fresher one alone", () => {
    expect(sessionCookieAction({ ...claims, iat: now - SESSION_REFRESH_SECONDS }, true, now)).toBe("refresh");
    expect(sessionCookieAction({ ...claims, iat: now - SESSION_REFRESH_SECONDS + 1 }, true, now)).toBe("keep");
  });

  it("clears an invalid cookie and one past the absolute limit, and does nothing without a cookie", () => {
    expect(sessionCookieAction(null, true, now)).toBe("clear");
    expect(sessionCookieAction({ ...claims, iat: now, signedInAt: now - ABSOLUTE_LIFETIME_SECONDS - 1 }, true, now)).toBe("clear");
    expect(sessionCookieAction({ ...claims, iat: now, signedInAt: undefined }, true, now)).toBe("clear");
    expect(sessionCookieAction(null, false, now)).toBe("none");
  });

  it("carries every claim into the re-issued token but its times and id", () => {
    expect(claimsToCarry({ ...claims, iat: 1, exp: 2, jti: "x", nbf: 3 })).toEqual(claims);
  });
});
