import { describe, expect, it } from "vitest";
import { mintSessionGrant, readSessionGrant } from "@/lib/auth/session-grant";
import { mfaRequiredFor, mfaStepFor, normaliseRecoveryCode } from "@/lib/domain/identity/mfa-policy";

const SECRET = "unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const SESSION = { sub: "5b3f1f4e-0000-4000-8000-000000000001", signedInAt: 1_796_000_000 };
const NOW = 1_796_000_100;

describe("session grants (AU-04, SE-04: the jwt callback takes only a grant the server signed)", () => {
  it("accepts the server's grant for this user and this sign-in", async () => {
    const grant = await mintSessionGrant({ ...SESSION, sv: 3, mfa: true }, SECRET, NOW);
    expect(await readSessionGrant(grant, SESSION, SECRET, NOW + 10)).toMatchObject({ sv: 3, mfa: true });
  });

  it("refuses a forged, altered, expired or another session's grant, and anything that is not a grant", async () => {
    const grant = await mintSessionGrant({ ...SESSION, sv: 3, mfa: true }, SECRET, NOW);
    expect(await readSessionGrant(grant, SESSION, "another-secret-0123456789abcdefghijklmnop", NOW)).toBeNull();
    const [, signature] = grant.split(".");
    const altered = `${Buffer.from(JSON.stringify({ ...SESSION, sv: 9, mfa: true, exp: NOW + 60 })).toString("base64url")}.${signature}`;
    expect(await readSessionGrant(altered, SESSION, SECRET, NOW)).toBeNull();
    expect(await readSessionGrant(grant, SESSION, SECRET, NOW + 61)).toBeNull();
    expect(await readSessionGrant(grant, { ...SESSION, signedInAt: SESSION.signedInAt + 1 }, SECRET, NOW)).toBeNull();
    expect(await readSessionGrant(grant, { ...SESSION, sub: "someone-else" }, SECRET, NOW)).toBeNull();
    expect(await readSessionGrant({ mfa: true }, SESSION, SECRET, NOW)).toBeNull();
  });
});

describe("who needs a second factor (AU-04)", () => {
  it("requires it of nominated officers, managers and administrators; of caseworkers only by the setting", () => {
    expect(mfaRequiredFor(["nominated_officer"], false)).toBe(true);
    expect(mfaRequiredFor(["manager"], false)).toBe(true);
    expect(mfaRequiredFor(["administrator"], false)).toBe(true);
    expect(mfaRequiredFor(["caseworker"], false)).toBe(false);
    expect(mfaRequiredFor(["caseworker"], true)).toBe(true);
  });

  it("asks an enrolled user to verify, a required user to enrol, and lets a verified session through", () => {
    expect(mfaStepFor({ enrolled: true, required: false, verifiedThisSession: false })).toBe("verify");
    expect(mfaStepFor({ enrolled: false, required: true, verifiedThisSession: false })).toBe("enrol");
    expect(mfaStepFor({ enrolled: false, required: false, verifiedThisSession: false })).toBe("done");
    expect(mfaStepFor({ enrolled: true, required: true, verifiedThisSession: true })).toBe("done");
  });

  it("reads a recovery code however it was typed", () => {
    expect(normaliseRecoveryCode(" ABCDE FGHJK ")).toBe("abcde-fghjk");
    expect(normaliseRecoveryCode("abcdefghjk")).toBe("abcde-fghjk");
  });
});
