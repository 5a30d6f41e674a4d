import { hash as argon2Hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needsRehash, verifyPassword } from "@/lib/server/auth/password";
import { authenticate, type AuthenticationResult } from "@/lib/server/auth/authenticate";
import { secondsBeforeNextAttempt } from "@/lib/domain/security/sign-in-delay";
import { unlockSignInSchema } from "@/lib/domain/forms/admin-forms";
import { unlockSignIn } from "@/lib/server/users/unlock-sign-in";
import { DEFAULT_LOCK, failInARow } from "@/tests/integration/support/sign-in-failures";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";
import { createOrganisation, createOrganisationWithAdministrator, createUserRow } from "@/tests/integration/support/builders";
import { auditRowsFor, publicTables, rowsContaining } from "@/tests/integration/support/inspect";

/**
 * Sign-in against a real database (docs/security.md AU-01, AU-02, AU-08). `authenticate` takes `now`,
 * so the lockout window is tested with a fake clock. Each test uses its own email and its own IP
 * address, because the throttle counts per email and per IP for the whole database.
 */

let db: TestDatabase;
let organisationId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  organisationId = (await createOrganisation(db.prisma)).id;
});
afterAll(async () => {
  await db?.close();
});

const T0 = new Date("2026-03-02T09:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const RIGHT = "Velvet-Harbour-Compass-2931";
const WRONG = "Amber-Glacier-Thimble-5067";
const USER_AGENT = "Mozilla/5.0 (Vitest) AuthenticateTest/1.0";

let ipCounter = 0;
/** A fresh documentation-range address for each test, so the per-IP allowance never interferes. */
const freshIp = () => `198.51.100.${++ipCounter}`;

let emailCounter = 0;
const freshEmail = (label: string) => `${label}-${++emailCounter}-${Date.now()}@provider.example`;

async function newUser(options: { active?: boolean; passwordHash?: string; roles?: ("caseworker" | "manager")[] } = {}) {
  return createUserRow(db.prisma, { organisationId, email: freshEmail("user"), password: RIGHT, ...options });
}

function signIn(email: string, password: string, ip: string, now: Date = T0): Promise<AuthenticationResult> {
  return authenticate(db.prisma, { email, password, ip, userAgent: USER_AGENT }, now);
}

const results_ = (results: AuthenticationResult[]) => results.map((result) => (result.ok ? "ok" : result.reason));

async function failTimes(times: number, email: string, ip: string, now: Date = T0): Promise<AuthenticationResult[]> {
  const results: AuthenticationResult[] = [];
  for (let i = 0; i < times; i++) results.push(await signIn(email, WRONG, ip, now));
  return results;
}

describe("authenticate: generic failures (AU-02)", () => {
  it("gives a wrong password and an unknown email exactly the same result, 'invalid' (AU-02)", async () => {
    const user = await newUser();
    const wrongPassword = await signIn(user.email, WRONG, freshIp());
    const unknownEmail = await signIn(freshEmail("nobody"), WRONG, freshIp());
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
    expect(Object.keys(unknownEmail).sort()).toEqual(Object.keys(wrongPassword).sort());
  });

  it("refuses a deactivated user with the right password, with the same 'invalid' result (AU-02, AU-07)", async () => {
    const user = await newUser({ active: false });
    expect(await signIn(user.email, RIGHT, freshIp())).toEqual({ ok: false, reason: "invalid" });
    const [failure] = await auditRowsFor(db.prisma, { entityId: user.id, action: "auth.sign_in_failed" });
    expect(failure.reason).toBe("account deactivated");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignedInAt).toBeNull();
    expect(await auditRowsFor(db.prisma, { entityId: user.id, action: "auth.signed_in" })).toEqual([]);
  });

  it("refuses an empty password for a real account", async () => {
    const user = await newUser();
    expect(await signIn(user.email, "", freshIp())).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("authenticate: audit of every attempt (AU-08)", () => {
  it("writes auth.sign_in_failed with the user, IP, user agent and time for a wrong password (AU-08)", async () => {
    const user = await newUser();
    const ip = freshIp();
    const before = Date.now();
    await signIn(user.email, WRONG, ip);
    const rows = await auditRowsFor(db.prisma, { entityId: user.id, action: "auth.sign_in_failed" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: user.id, entityType: "User", ip, userAgent: USER_AGENT, reason: "wrong password" });
    expect(rows[0].at.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(rows[0].at.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
  });

  it("writes auth.sign_in_failed with IP and user agent, and no actor, for an unknown email (AU-08)", async () => {
    const ip = freshIp();
    await signIn(freshEmail("nobody"), WRONG, ip);
    const rows = await db.prisma.auditEvent.findMany({ where: { action: "auth.sign_in_failed", ip } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: null, entityId: null, userAgent: USER_AGENT, reason: "unknown email" });
  });

  it("never stores a typed password — right or wrong — in any column of any audit row, or anywhere in the database (AU-08)", async () => {
    const user = await newUser();
    const ip = freshIp();
    const unknown = freshEmail("nobody");
    await signIn(user.email, WRONG, ip);
    await signIn(unknown, WRONG, ip);
    await signIn(user.email, RIGHT, ip); // success
    const { at } = await failInARow(db.prisma, { email: user.email, ip, times: DEFAULT_LOCK.lockAfterFailures, start: minutes(1), password: WRONG }); // failures, then a lockout
    await signIn(user.email, RIGHT, ip, new Date(at.getTime() + 60_000)); // refused while locked
    const auditRows = await db.prisma.auditEvent.findMany({ where: { ip } });
    expect(new Set(auditRows.map((row) => row.action))).toEqual(
      new Set(["auth.sign_in_failed", "auth.signed_in", "auth.locked_out", "auth.sign_in_refused_locked"]),
    );
    for (const password of [RIGHT, WRONG]) {
      expect(await rowsContaining(db.prisma, "AuditEvent", password), password).toEqual([]);
      for (const table of await publicTables(db.prisma)) {
        expect(await rowsContaining(db.prisma, table, password), `${table} holds ${password}`).toEqual([]);
      }
    }
  });

  it("writes auth.signed_in with the user's roles, IP and user agent on success (AU-08)", async () => {
    const user = await newUser({ roles: ["caseworker", "manager"] });
    const ip = freshIp();
    await signIn(user.email, RIGHT, ip);
    const rows = await auditRowsFor(db.prisma, { entityId: user.id, action: "auth.signed_in" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: user.id, entityType: "User", ip, userAgent: USER_AGENT });
    expect([...rows[0].actorRoles].sort()).toEqual(["caseworker", "manager"]);
  });
});

describe("authenticate: progressive delay, then a lock no attempt can lengthen (AU-02, RL-01, M2)", () => {
  const seconds = (from: Date, n: number) => new Date(from.getTime() + n * 1000);
  const lockEnds = (at: Date) => new Date(at.getTime() + DEFAULT_LOCK.lockMinutes * 60_000);
  const fail = (email: string, ip: string, times: number, start: Date = T0) => failInARow(db.prisma, { email, ip, times, start, password: WRONG, userAgent: USER_AGENT });

  it("lets three failures pass freely, then makes the next attempt wait, refusing even the right password without counting it (AU-02)", async () => {
    const user = await newUser();
    const ip = freshIp();
    const results = await failTimes(3, user.email, ip);
    expect(results_(results)).toEqual(["invalid", "invalid", "invalid"]);
    expect(await signIn(user.email, RIGHT, ip, T0)).toMatchObject({ ok: false, reason: "delayed" });
    expect(await auditRowsFor(db.prisma, { entityId: user.id, action: "auth.sign_in_failed" })).toHaveLength(3);
    // The wait after the third failure is one second; then the right password works.
    expect(await signIn(user.email, RIGHT, ip, seconds(T0, 1))).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("doubles the wait after each further failure, up to a minute (AU-02)", async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => secondsBeforeNextAttempt(n, DEFAULT_LOCK))).toEqual([0, 0, 1, 2, 4, 8, 16, 32, 60]);
    expect(secondsBeforeNextAttempt(10, DEFAULT_LOCK)).toBe(30 * 60);
    const user = await newUser();
    const ip = freshIp();
    const { at } = await fail(user.email, ip, 5);
    // After five failures the wait is four seconds: at three seconds still refused, at four allowed.
    expect(await signIn(user.email, RIGHT, ip, seconds(at, 3))).toMatchObject({ ok: false, reason: "delayed" });
    expect(await signIn(user.email, RIGHT, ip, seconds(at, 4))).toMatchObject({ ok: true });
  });

  it("locks after ten failures in a row, and then refuses even the right password (AU-02)", async () => {
    const user = await newUser();
    const ip = freshIp();
    const { results, at } = await fail(user.email, ip, 10);
    expect(results_(results)).toEqual([...Array(9).fill("invalid"), "locked"]);
    expect(results[9]).toEqual({ ok: false, reason: "locked", lockedUntil: lockEnds(at) });
    expect(await signIn(user.email, RIGHT, ip, seconds(at, 60))).toMatchObject({ ok: false, reason: "locked" });
    expect(await auditRowsFor(db.prisma, { entityId: user.id, action: "auth.signed_in" })).toEqual([]);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toEqual(lockEnds(at));
  });

  it("cannot be lengthened: attempts during the lock are refused uncounted, and the lock ends when it said (AU-02, M2)", async () => {
    const user = await newUser();
    const ip = freshIp();
    const { at } = await fail(user.email, ip, 10);
    for (let minute = 1; minute < DEFAULT_LOCK.lockMinutes; minute += 3) {
      expect(await signIn(user.email, WRONG, freshIp(), new Date(at.getTime() + minute * 60_000))).toMatchObject({ ok: false, reason: "locked" });
    }
    expect(await auditRowsFor(db.prisma, { entityId: user.id, action: "auth.sign_in_failed" })).toHaveLength(10);
    expect(await auditRowsFor(db.prisma, { entityId: user.id, action: "auth.locked_out" })).toHaveLength(1);
    expect(await signIn(user.email, RIGHT, ip, lockEnds(at))).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("audits each refused attempt (auth.sign_in_refused_locked) with the address and user agent (AU-08)", async () => {
    const user = await newUser();
    const ip = freshIp();
    const { at } = await fail(user.email, ip, 10);
    await signIn(user.email, RIGHT, ip, seconds(at, 5));
    await signIn(user.email, WRONG, ip, seconds(at, 10));
    const lockedOut = await auditRowsFor(db.prisma, { entityId: user.id, action: "auth.locked_out" });
    expect(lockedOut).toHaveLength(1);
    expect(lockedOut[0]).toMatchObject({ ip, userAgent: USER_AGENT });
    const refused = await db.prisma.auditEvent.findMany({ where: { action: "auth.sign_in_refused_locked", ip } });
    expect(refused).toHaveLength(2);
    expect(refused.every((row) => row.userAgent === USER_AGENT && row.reason?.startsWith("locked until"))).toBe(true);
  });

  it("treats an unknown email exactly like a real one, so neither delay nor lock reveals anything (AU-02, no enumeration)", async () => {
    const user = await newUser();
    const unknown = freshEmail("nobody");
    const real = await fail(user.email, freshIp(), 10);
    const invented = await fail(unknown, freshIp(), 10);
    expect(invented.results).toEqual(real.results);
    expect(await signIn(unknown, RIGHT, freshIp(), seconds(invented.at, 1))).toEqual(await signIn(user.email, RIGHT, freshIp(), seconds(real.at, 1)));
  });

  it("counts failures per email whatever its letter case or surrounding spaces (AU-02)", async () => {
    const user = await newUser();
    const ip = freshIp();
    await signIn(user.email.toUpperCase(), WRONG, ip);
    await signIn(`  ${user.email}  `, WRONG, ip);
    await signIn(user.email, WRONG, ip);
    expect(await signIn(` ${user.email.toUpperCase()}`, RIGHT, ip)).toMatchObject({ ok: false, reason: "delayed" });
  });

  it("lets an administrator unlock at once (user.sign_in_unlocked audited) (AU-02)", async () => {
    const { actor } = await createOrganisationWithAdministrator(db.prisma);
    const user = await createUserRow(db.prisma, { organisationId: actor.organisationId, email: freshEmail("unlock"), password: RIGHT });
    const ip = freshIp();
    const { at } = await fail(user.email, ip, 10);
    await unlockSignIn(db.prisma, actor, unlockSignInSchema.parse({ userId: user.id, version: "1" }));
    expect(await signIn(user.email, RIGHT, ip, seconds(at, 1))).toMatchObject({ ok: true });
    expect(await auditRowsFor(db.prisma, { entityId: user.id, action: "user.sign_in_unlocked" })).toHaveLength(1);
  });

  it("follows the lock settings an administrator chose (signIn.lockAfterFailures) (AU-02)", async () => {
    await db.prisma.setting.upsert({ where: { key: "signIn.lockAfterFailures" }, create: { key: "signIn.lockAfterFailures", value: 5 }, update: { value: 5 } });
    try {
      const user = await newUser();
      const { results } = await failInARow(db.prisma, { email: user.email, ip: freshIp(), times: 5, start: T0, policy: { lockAfterFailures: 5, lockMinutes: 30 } });
      expect(results_(results)).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);
    } finally {
      await db.prisma.setting.deleteMany({ where: { key: "signIn.lockAfterFailures" } });
    }
  });

  it("forgets failures in a row after a quiet day (AU-02)", async () => {
    const user = await newUser();
    const ip = freshIp();
    const { at } = await fail(user.email, ip, 5);
    const nextDay = new Date(at.getTime() + 25 * 3_600_000);
    expect(results_((await fail(user.email, ip, 3, nextDay)).results)).toEqual(["invalid", "invalid", "invalid"]);
    expect(await signIn(user.email, RIGHT, ip, nextDay)).toMatchObject({ ok: false, reason: "delayed" });
  });

  it("checks at most ten passwords per email even when guesses arrive at the same time (AU-02, RL-01, SO-01)", async () => {
    const user = await newUser();
    const ip = freshIp();
    await Promise.all(Array.from({ length: 20 }, () => signIn(user.email, WRONG, ip)));
    const passwordsChecked = await auditRowsFor(db.prisma, { entityId: user.id, action: "auth.sign_in_failed" });
    expect(passwordsChecked.length).toBeGreaterThanOrEqual(1);
    expect(passwordsChecked.length).toBeLessThanOrEqual(DEFAULT_LOCK.lockAfterFailures);
  });

  it("refuses one client address after 50 failures across many emails, but not other addresses (AU-02, RL-01)", async () => {
    const ip = freshIp();
    for (let i = 0; i < 50; i++) await signIn(freshEmail("spray"), WRONG, ip);
    const user = await newUser();
    expect(await signIn(user.email, RIGHT, ip, minutes(1))).toMatchObject({ ok: false, reason: "locked" });
    expect(await signIn(user.email, RIGHT, freshIp(), minutes(1))).toMatchObject({ ok: true });
  });

  it("keeps no per-address bucket for an unknown address, so no one can lock everyone out (AU-02)", async () => {
    for (let i = 0; i < 55; i++) await signIn(freshEmail("spray"), WRONG, "unknown");
    const user = await newUser();
    expect(await signIn(user.email, RIGHT, "unknown", minutes(1))).toMatchObject({ ok: true });
  });
});

describe("authenticate: success (AU-02, AU-08)", () => {
  it("returns the user with roles and session version, and records lastSignedInAt", async () => {
    const user = await newUser({ roles: ["caseworker"] });
    const result = await signIn(user.email, RIGHT, freshIp(), minutes(3));
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, name: user.name, email: user.email, roles: ["caseworker"], sessionVersion: user.sessionVersion },
    });
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lastSignedInAt).toEqual(minutes(3));
  });

  it("clears the failure counter on success, so earlier failures do not add to later ones (AU-02)", async () => {
    const user = await newUser();
    const ip = freshIp();
    await failTimes(3, user.email, ip);
    expect(await signIn(user.email, RIGHT, ip, minutes(1))).toMatchObject({ ok: true });
    expect(await db.prisma.rateLimit.findUnique({ where: { key: `login:email:${user.email}` } })).toBeNull();
    expect(await failTimes(3, user.email, ip, minutes(2))).toEqual(Array(3).fill({ ok: false, reason: "invalid" }));
    expect(await signIn(user.email, RIGHT, ip, minutes(3))).toMatchObject({ ok: true });
  });

  it("signs in whatever the letter case of the email typed", async () => {
    const user = await newUser();
    expect(await signIn(`  ${user.email.toUpperCase()} `, RIGHT, freshIp())).toMatchObject({ ok: true, user: { id: user.id } });
  });
});

describe("authenticate: old password hashes are upgraded (AU-01)", () => {
  it.each([
    ["a weaker argon2id hash (m=4096, t=1)", { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 }],
    ["an argon2i hash", { algorithm: 1, memoryCost: 19_456, timeCost: 2, parallelism: 1 }],
  ])("re-hashes %s with today's parameters on a successful sign-in (AU-01)", async (_label, options) => {
    const oldHash = await argon2Hash(RIGHT, options);
    expect(needsRehash(oldHash)).toBe(true);
    const user = await newUser({ passwordHash: oldHash });
    expect(await signIn(user.email, RIGHT, freshIp())).toMatchObject({ ok: true });
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).not.toBe(oldHash);
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(stored.passwordHash)).toBe(false);
    expect(await verifyPassword(stored.passwordHash, RIGHT)).toBe(true);
    expect(await signIn(user.email, RIGHT, freshIp())).toMatchObject({ ok: true });
  });

  it("does not re-hash on a failed attempt with an old hash", async () => {
    const oldHash = await argon2Hash(RIGHT, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    const user = await newUser({ passwordHash: oldHash });
    await signIn(user.email, WRONG, freshIp());
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(oldHash);
  });

  it("leaves a current hash alone", async () => {
    const user = await newUser();
    await signIn(user.email, RIGHT, freshIp());
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });
});
