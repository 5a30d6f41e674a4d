import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { enrolMfaSchema, signOutUserEverywhereSchema } from "@/lib/domain/forms/identity-forms";
import { hashDeviceId, newDeviceId } from "@/lib/security/remembered-device";
import { authenticate, type AuthenticationResult } from "@/lib/server/auth/authenticate";
import { loginEmailKey } from "@/lib/server/auth/login-throttle";
import { completeSecondFactorSignIn } from "@/lib/server/identity/complete-second-factor";
import { confirmMfaEnrolment, offerMfaEnrolment } from "@/lib/server/identity/mfa-enrolment";
import { resetUserMfa } from "@/lib/server/identity/reset-user-mfa";
import { signOutUserEverywhere } from "@/lib/server/identity/sign-out-user-everywhere";
import { verifySecondFactor } from "@/lib/server/identity/verify-second-factor";
import { findSessionAccess } from "@/lib/server/users/find-session-user";
import { actorFor, createOrganisationWithAdministrator, createUserRow } from "@/tests/integration/support/builders";
import { auditRowsFor } from "@/tests/integration/support/inspect";
import { failInARow } from "@/tests/integration/support/sign-in-failures";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * The owner's unlock (docs/security.md AU-02, AU-04; docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md):
 * a locked account signing in from a device where its owner signed in before with the second
 * factor, with the right password AND a correct code, is unlocked; from any other device the
 * lock answers exactly as before. Fake clock: every step takes `now`.
 */
process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdefghijklmnop";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const PASSWORD = "Velvet-Harbour-Compass-2931";
const T0 = new Date("2026-03-02T09:00:00.000Z");
const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);
let ipCounter = 0;
const freshIp = () => `198.51.100.${200 + ++ipCounter}`;

/** A manager with a second factor, who has signed in once with it on a device: returns the device id. */
async function ownerWithRememberedDevice() {
  const { organisation, actor: admin } = await createOrganisationWithAdministrator(db.prisma);
  const user = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["manager"], password: PASSWORD, email: `owner-${Date.now()}-${++ipCounter}@provider.example` });
  const actor = actorFor(user);
  const offer = await offerMfaEnrolment(db.prisma, actor);
  const secret = offer!.secretText.replace(/\s/g, "");
  const code = async (at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
  await confirmMfaEnrolment(db.prisma, actor, enrolMfaSchema.parse({ sealedSecret: offer!.sealedSecret, code: await code(T0) }), T0);
  const signedIn = later(T0, 60);
  expect((await authenticate(db.prisma, { email: user.email, password: PASSWORD, ip: freshIp(), userAgent: "Owner's browser" }, signedIn)).ok).toBe(true);
  await verifySecondFactor(db.prisma, actor, await code(signedIn), signedIn);
  const first = await completeSecondFactorSignIn(db.prisma, actor, null, signedIn);
  expect(first.unlocked).toBe(false);
  return { user, actor, admin, code, deviceId: first.deviceId };
}

/** An attacker fails ten times in a row: the account is locked (AU-02). Returns the moment after. */
async function lockOut(email: string, start: Date): Promise<Date> {
  const { results, at } = await failInARow(db.prisma, { email, ip: freshIp(), times: 10, start });
  expect(results.at(-1)).toMatchObject({ ok: false, reason: "locked" });
  return later(at, 1);
}

const signIn = (email: string, at: Date, deviceId?: string | null, password = PASSWORD): Promise<AuthenticationResult> =>
  authenticate(db.prisma, { email, password, ip: freshIp(), userAgent: "Owner's browser", deviceId }, at);

describe("AU-02: the owner unlocks a locked account from a remembered device", () => {
  it("AU-02: stores only the hash of the device id, one row per user", async () => {
    const { user, deviceId } = await ownerWithRememberedDevice();
    const rows = await db.prisma.rememberedDevice.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashDeviceId(deviceId));
    expect(rows[0].tokenHash).not.toContain(deviceId);
  });

  it("AU-02: with the right password and a correct code from a remembered device, the lock is lifted, the counter reset and the unlock audited", async () => {
    const { user, actor, code, deviceId } = await ownerWithRememberedDevice();
    const locked = await lockOut(user.email, later(T0, 120));

    // From an unknown device (no cookie, or a device id never remembered) the lock answers as before.
    expect(await signIn(user.email, locked)).toMatchObject({ ok: false, reason: "locked" });
    expect(await signIn(user.email, locked, newDeviceId())).toMatchObject({ ok: false, reason: "locked" });

    // From the remembered device the password passes, and the session must still give its second factor.
    const result = await signIn(user.email, locked, deviceId);
    expect(result.ok).toBe(true);
    expect((await findSessionAccess(db.prisma, user.id, user.sessionVersion, false))?.mfa).toBe("verify");
    expect(await db.prisma.rateLimit.findUnique({ where: { key: loginEmailKey(user.email) } })).not.toBeNull();

    await verifySecondFactor(db.prisma, actor, await code(locked), locked);
    const done = await completeSecondFactorSignIn(db.prisma, actor, deviceId, locked);
    expect(done).toEqual({ deviceId, unlocked: true });
    expect(await db.prisma.rateLimit.findUnique({ where: { key: loginEmailKey(user.email) } })).toBeNull();
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toBeNull();
    const [audit] = await auditRowsFor(db.prisma, { entityId: user.id, action: "auth.sign_in_unlocked" });
    expect(audit).toMatchObject({ actorId: user.id, reason: "password and second factor from a remembered device" });

    // Unlocked: the ordinary sign-in works again from anywhere.
    expect((await signIn(user.email, later(locked, 1))).ok).toBe(true);
  });

  it("AU-02: a wrong password from the remembered device stays locked, and the device's own delay bounds the guesses", async () => {
    const { user, deviceId } = await ownerWithRememberedDevice();
    const locked = await lockOut(user.email, later(T0, 120));
    const guesses: AuthenticationResult[] = [];
    for (let i = 0; i < 6; i++) guesses.push(await signIn(user.email, locked, deviceId, "Wrong-Guess-Again-4471"));
    expect(guesses.every((guess) => !guess.ok && guess.reason === "locked")).toBe(true);
    // The device's delay now runs: even the right password is refused at this moment, uncounted.
    expect(await signIn(user.email, locked, deviceId)).toMatchObject({ ok: false, reason: "locked" });
    expect(await auditRowsFor(db.prisma, { entityId: user.id, action: "auth.sign_in_unlocked" })).toHaveLength(0);
  });

  it("AU-02: passing the second factor on a device that was never remembered unlocks nothing (but remembers it from now on)", async () => {
    const { user, actor } = await ownerWithRememberedDevice();
    const locked = await lockOut(user.email, later(T0, 120));
    const other = newDeviceId();
    expect(await completeSecondFactorSignIn(db.prisma, actor, other, locked)).toEqual({ deviceId: other, unlocked: false });
    expect(await signIn(user.email, locked)).toMatchObject({ ok: false, reason: "locked" });
    expect(await db.prisma.rememberedDevice.count({ where: { userId: user.id } })).toBe(2);
  });

  it("AU-02: resetting the second factor or signing the user out everywhere revokes their remembered devices", async () => {
    const first = await ownerWithRememberedDevice();
    await signOutUserEverywhere(db.prisma, first.admin, signOutUserEverywhereSchema.parse({ userId: first.user.id }));
    expect(await db.prisma.rememberedDevice.count({ where: { userId: first.user.id } })).toBe(0);
    const locked = await lockOut(first.user.email, later(T0, 120));
    expect(await signIn(first.user.email, locked, first.deviceId)).toMatchObject({ ok: false, reason: "locked" });

    const second = await ownerWithRememberedDevice();
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: second.user.id } });
    await resetUserMfa(db.prisma, second.admin, { userId: second.user.id, version: row.version });
    expect(await db.prisma.rememberedDevice.count({ where: { userId: second.user.id } })).toBe(0);
  });

  it("AU-02: a device unused for longer than it is remembered no longer counts", async () => {
    const { user, deviceId } = await ownerWithRememberedDevice();
    const muchLater = later(T0, 181 * 86_400);
    const locked = await lockOut(user.email, muchLater);
    expect(await signIn(user.email, locked, deviceId)).toMatchObject({ ok: false, reason: "locked" });
  });
});
