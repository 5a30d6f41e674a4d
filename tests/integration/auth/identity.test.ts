import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { changeOwnPasswordSchema, decideRoleChangeSchema, enrolMfaSchema, setPasswordSchema, signOutUserEverywhereSchema } from "@/lib/domain/forms/identity-forms";
import { resetPasswordSchema, updateUserSchema } from "@/lib/domain/forms/admin-forms";
import { verifyPassword } from "@/lib/server/auth/password";
import { changeOwnPassword } from "@/lib/server/identity/change-own-password";
import { checkEnrolmentProof, confirmMfaEnrolment, offerMfaEnrolment } from "@/lib/server/identity/mfa-enrolment";
import { issuePasswordLink } from "@/lib/server/identity/password-links";
import { resetUserMfa } from "@/lib/server/identity/reset-user-mfa";
import { decideRoleChange, listPendingRoleChanges } from "@/lib/server/identity/role-change-requests";
import { setPasswordFromLink } from "@/lib/server/identity/set-password-from-link";
import { signOutUserEverywhere } from "@/lib/server/identity/sign-out-user-everywhere";
import { openTotpSecret } from "@/lib/server/identity/totp";
import { verifySecondFactor } from "@/lib/server/identity/verify-second-factor";
import { listSecurityEvents } from "@/lib/server/security/list-security-events";
import { findSessionAccess } from "@/lib/server/users/find-session-user";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { updateUser } from "@/lib/server/users/update-user";
import { actorFor, createOrganisationWithAdministrator, createUserRow, DEFAULT_PASSWORD } from "@/tests/integration/support/builders";
import { auditRowsFor, rowCounts } from "@/tests/integration/support/inspect";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * Identity against a real database (docs/security.md AU-04, AU-06, AC-06, SE-04, SE-05;
 * docs/decisions/0019-identity-mfa-links-and-role-approval.md). Inputs go through the schemas the
 * forms post through.
 */
process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdefghijklmnop";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const userRow = (id: string) => db.prisma.user.findUniqueOrThrow({ where: { id } });
const at = (iso: string) => new Date(iso);

/** Sets up a second factor for the user as the set-up page would; returns its secret and recovery codes. */
async function enrol(user: { id: string; roles: string[]; organisationId: string }, now = new Date()) {
  const actor = actorFor(user);
  const offer = await offerMfaEnrolment(db.prisma, actor);
  const secret = offer!.secretText.replace(/\s/g, "");
  const code = await generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
  const { recoveryCodes } = await confirmMfaEnrolment(db.prisma, actor, enrolMfaSchema.parse({ sealedSecret: offer!.sealedSecret, code }), now);
  return { secret, recoveryCodes, actor };
}

describe("two-factor authentication (AU-04)", () => {
  it("AU-04: a manager must set it up, then verify it at every sign-in; a caseworker need not unless the setting says so", async () => {
    const { organisation } = await createOrganisationWithAdministrator(db.prisma);
    const manager = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["manager"] });
    const caseworker = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["caseworker"] });
    expect((await findSessionAccess(db.prisma, manager.id, 0, false))?.mfa).toBe("enrol");
    expect((await findSessionAccess(db.prisma, caseworker.id, 0, false))?.mfa).toBe("done");
    await enrol(manager);
    expect((await findSessionAccess(db.prisma, manager.id, 0, false))?.mfa).toBe("verify");
    expect((await findSessionAccess(db.prisma, manager.id, 0, true))?.mfa).toBe("done");

    await db.prisma.setting.upsert({ where: { key: "security.mfaRequiredForCaseworkers" }, create: { key: "security.mfaRequiredForCaseworkers", value: true }, update: { value: true } });
    expect((await findSessionAccess(db.prisma, caseworker.id, 0, false))?.mfa).toBe("enrol");
    await db.prisma.setting.delete({ where: { key: "security.mfaRequiredForCaseworkers" } });
  });

  it("AU-04: the secret is stored encrypted (AES-GCM, bound to the user), with ten argon2id-hashed recovery codes; enrolling twice is refused", async () => {
    const { organisation } = await createOrganisationWithAdministrator(db.prisma);
    const officer = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["nominated_officer"] });
    const { secret, recoveryCodes, actor } = await enrol(officer);
    const stored = await userRow(officer.id);
    expect(stored.mfaSecret).toMatch(/^v1\./);
    expect(stored.mfaSecret).not.toContain(secret);
    expect(openTotpSecret(officer.id, stored.mfaSecret!)).toBe(secret);
    expect(openTotpSecret(organisation.id, stored.mfaSecret!)).toBeNull();
    expect(recoveryCodes).toHaveLength(10);
    const hashes = await db.prisma.mfaRecoveryCode.findMany({ where: { userId: officer.id } });
    expect(hashes).toHaveLength(10);
    expect(hashes.every((row) => row.codeHash.startsWith("$argon2id$"))).toBe(true);
    expect(JSON.stringify(hashes)).not.toContain(recoveryCodes[0]);
    const [audit] = await auditRowsFor(db.prisma, { entityId: officer.id, action: "auth.mfa_enrolled" });
    expect(JSON.stringify({ before: audit.before, after: audit.after, reason: audit.reason })).not.toContain(secret);

    const offerAgain = await offerMfaEnrolment(db.prisma, actor);
    expect(offerAgain).toBeNull();
  });

  it("AU-04: the set-up's proof carries only that user's session on, and only for 30 minutes", async () => {
    const { organisation } = await createOrganisationWithAdministrator(db.prisma);
    const manager = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["manager"] });
    const other = actorFor(await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["manager"] }));
    const actor = actorFor(manager);
    const offer = await offerMfaEnrolment(db.prisma, actor);
    const now = new Date();
    const code = await generate({ secret: offer!.secretText.replace(/\s/g, ""), epoch: Math.floor(now.getTime() / 1000) });
    const { proof } = await confirmMfaEnrolment(db.prisma, actor, enrolMfaSchema.parse({ sealedSecret: offer!.sealedSecret, code }), now);
    expect(await checkEnrolmentProof(db.prisma, actor, proof, now)).toBe(true);
    expect(await checkEnrolmentProof(db.prisma, other, proof, now)).toBe(false);
    expect(await checkEnrolmentProof(db.prisma, actor, proof, new Date(now.getTime() + 31 * 60_000))).toBe(false);
  });

  it("AU-04: a TOTP code works once; a wrong code is refused and audited; a recovery code works once", async () => {
    const { organisation } = await createOrganisationWithAdministrator(db.prisma);
    const manager = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["manager"] });
    const enrolledAt = at("2026-12-03T09:00:00Z");
    const { secret, recoveryCodes, actor } = await enrol(manager, enrolledAt);
    const later = at("2026-12-03T09:05:00Z");
    const code = await generate({ secret, epoch: Math.floor(later.getTime() / 1000) });

    expect(await verifySecondFactor(db.prisma, actor, code, later)).toEqual({ method: "totp" });
    await expectUseCaseError(verifySecondFactor(db.prisma, actor, code, later), "INVALID");
    await expectUseCaseError(verifySecondFactor(db.prisma, actor, "123456", later), "INVALID");
    expect(await auditRowsFor(db.prisma, { entityId: manager.id, action: "auth.mfa_failed" })).toHaveLength(2);

    expect(await verifySecondFactor(db.prisma, actor, recoveryCodes[3].toUpperCase(), later)).toEqual({ method: "recovery_code", recoveryCodesLeft: 9 });
    await expectUseCaseError(verifySecondFactor(db.prisma, actor, recoveryCodes[3], later), "INVALID");
  });

  it("AU-04: five wrong codes lock the second step for 15 minutes, even for the right code", async () => {
    const { organisation } = await createOrganisationWithAdministrator(db.prisma);
    const admin = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["administrator"] });
    const { secret, actor } = await enrol(admin);
    const now = new Date();
    for (let i = 0; i < 5; i += 1) await expectUseCaseError(verifySecondFactor(db.prisma, actor, `00000${i}`, now), "INVALID");
    const error = await expectUseCaseError(verifySecondFactor(db.prisma, actor, await generate({ secret }), now), "INVALID");
    expect(error.message).toMatch(/too many wrong codes/);
  });

  it("AU-04: an administrator resets another user's two-factor (audited, sessions ended); not their own", async () => {
    const { organisation, administrator, actor: admin } = await createOrganisationWithAdministrator(db.prisma);
    const officer = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["nominated_officer"] });
    await enrol(officer);
    const before = await userRow(officer.id);
    await resetUserMfa(db.prisma, admin, { userId: officer.id, version: before.version });
    const after = await userRow(officer.id);
    expect(after).toMatchObject({ mfaSecret: null, mfaEnabledAt: null, sessionVersion: before.sessionVersion + 1 });
    expect(await db.prisma.mfaRecoveryCode.count({ where: { userId: officer.id } })).toBe(0);
    expect(await auditRowsFor(db.prisma, { entityId: officer.id, action: "user.mfa_reset" })).toHaveLength(1);
    expect((await findSessionAccess(db.prisma, officer.id, after.sessionVersion, false))?.mfa).toBe("enrol");
    await expectUseCaseError(resetUserMfa(db.prisma, admin, { userId: administrator.id, version: 1 }), "INVALID");
    const caseworker = actorFor(await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["caseworker"] }));
    await expectUseCaseError(resetUserMfa(db.prisma, caseworker, { userId: officer.id, version: after.version }), "FORBIDDEN");
  });
});

describe("set-up and reset links (AU-06)", () => {
  const setWith = (path: string, password: string, now?: Date) =>
    setPasswordFromLink(db.prisma, setPasswordSchema.parse({ token: path.split("/").pop(), password, confirmPassword: password }), { ip: null, userAgent: null }, now);

  it("AU-06: a link stores only a hash of 256 random bits, works once, and the next link revokes the last", async () => {
    const { organisation, actor } = await createOrganisationWithAdministrator(db.prisma);
    const user = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["caseworker"] });
    const first = await resetUserPassword(db.prisma, actor, resetPasswordSchema.parse({ userId: user.id, version: "1" }));
    const token = first.resetLink.split("/").pop()!;
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(JSON.stringify(await db.prisma.passwordLink.findMany({ where: { userId: user.id } }))).not.toContain(token);

    const second = await resetUserPassword(db.prisma, actor, resetPasswordSchema.parse({ userId: user.id, version: "2" }));
    await expectUseCaseError(setWith(first.resetLink, "Lantern-Harbour-Copper-91"), "INVALID");
    await setWith(second.resetLink, "Lantern-Harbour-Copper-91");
    expect(await verifyPassword((await userRow(user.id)).passwordHash, "Lantern-Harbour-Copper-91")).toBe(true);
    const counts = await rowCounts(db.prisma);
    await expectUseCaseError(setWith(second.resetLink, "Another-Password-Entirely-22"), "INVALID");
    expect(await verifyPassword((await userRow(user.id)).passwordHash, "Lantern-Harbour-Copper-91")).toBe(true);
    expect(await rowCounts(db.prisma)).toEqual(counts);
    expect(await auditRowsFor(db.prisma, { entityId: user.id, action: "user.password_set" })).toHaveLength(1);
  });

  it("AU-06: a link expires after 24 hours", async () => {
    const { organisation, administrator } = await createOrganisationWithAdministrator(db.prisma);
    const user = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["caseworker"] });
    const issued = at("2026-12-01T10:00:00Z");
    const link = await issuePasswordLink(db.prisma, { userId: user.id, purpose: "setup", createdById: administrator.id }, issued);
    expect(link.expiresAt).toEqual(at("2026-12-02T10:00:00Z"));
    await expectUseCaseError(setWith(link.path, "Lantern-Harbour-Copper-91", at("2026-12-02T10:00:01Z")), "INVALID");
    await setWith(link.path, "Lantern-Harbour-Copper-91", at("2026-12-02T09:59:00Z"));
  });

  it("AU-06, AU-03: the password policy applies, and a refused password spends nothing", async () => {
    const { organisation, administrator } = await createOrganisationWithAdministrator(db.prisma);
    const user = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["caseworker"] });
    const link = await issuePasswordLink(db.prisma, { userId: user.id, purpose: "setup", createdById: administrator.id });
    expect(setPasswordSchema.safeParse({ token: link.path.split("/").pop(), password: "short", confirmPassword: "short" }).success).toBe(false);
    expect(setPasswordSchema.safeParse({ token: link.path.split("/").pop(), password: "Lantern-Harbour-Copper-91", confirmPassword: "Lantern-Harbour-Copper-92" }).success).toBe(false);
    await setWith(link.path, "Lantern-Harbour-Copper-91");
  });

  it("AU-06: a signed-in user changes their own password with the current one; their other sessions end and open links are revoked", async () => {
    const { organisation, administrator } = await createOrganisationWithAdministrator(db.prisma);
    const user = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["caseworker"] });
    const actor = actorFor(user);
    const link = await issuePasswordLink(db.prisma, { userId: user.id, purpose: "reset", createdById: administrator.id });
    const wrong = await expectUseCaseError(
      changeOwnPassword(db.prisma, actor, changeOwnPasswordSchema.parse({ currentPassword: "not-it", password: "Lantern-Harbour-Copper-91", confirmPassword: "Lantern-Harbour-Copper-91" })),
      "INVALID",
    );
    expect(wrong.fieldErrors).toEqual({ currentPassword: "Your current password is not right" });
    const { sessionVersion } = await changeOwnPassword(
      db.prisma,
      actor,
      changeOwnPasswordSchema.parse({ currentPassword: DEFAULT_PASSWORD, password: "Lantern-Harbour-Copper-91", confirmPassword: "Lantern-Harbour-Copper-91" }),
    );
    expect(sessionVersion).toBe(user.sessionVersion + 1);
    expect(await findSessionAccess(db.prisma, user.id, user.sessionVersion, true)).toBeNull();
    expect(await verifyPassword((await userRow(user.id)).passwordHash, "Lantern-Harbour-Copper-91")).toBe(true);
    await expectUseCaseError(setWith(link.path, "Another-Password-Entirely-22"), "INVALID");
  });
});

describe("segregation of duties for the nominated officer role (AC-06)", () => {
  it("AC-06: nobody changes their own roles", async () => {
    const { administrator, actor } = await createOrganisationWithAdministrator(db.prisma);
    const error = await expectUseCaseError(
      updateUser(db.prisma, actor, updateUserSchema.parse({ userId: administrator.id, version: "1", name: administrator.name, roles: ["administrator", "nominated_officer"], siteIds: [] })),
      "INVALID",
    );
    expect(error.fieldErrors.roles).toMatch(/cannot change your own roles/);
    expect((await userRow(administrator.id)).roles).toEqual(["administrator"]);
  });

  it("AC-06: granting the role waits for a second administrator, who approves with a reason; the nominated officers see it in the security report", async () => {
    const { organisation, actor: first } = await createOrganisationWithAdministrator(db.prisma);
    const second = actorFor(await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["administrator"] }));
    const officer = actorFor(await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["nominated_officer"] }));
    const target = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["caseworker"], name: "Grace Hollis" });

    expect(await updateUser(db.prisma, first, updateUserSchema.parse({ userId: target.id, version: "1", name: target.name, roles: ["caseworker", "nominated_officer"], siteIds: [] }))).toEqual({ roleChangeRequested: true });
    expect((await userRow(target.id)).roles).toEqual(["caseworker"]);
    const [request] = await listPendingRoleChanges(db.prisma, first, target.id);
    expect(request).toMatchObject({ grant: true, requestedByActor: true });

    const decide = (actor: typeof first, decision: "approve" | "refuse") =>
      decideRoleChange(db.prisma, actor, decideRoleChangeSchema.parse({ requestId: request.id, version: String(request.version), decision, reason: "Covers SCR cases at Leeds" }));
    expect((await expectUseCaseError(decide(first, "approve"), "INVALID")).message).toMatch(/Another administrator/);
    await expectUseCaseError(decide(officer, "approve"), "FORBIDDEN");
    expect((await userRow(target.id)).roles).toEqual(["caseworker"]);

    await decide(second, "approve");
    expect((await userRow(target.id)).roles).toEqual(["caseworker", "nominated_officer"]);
    await expectUseCaseError(decide(second, "approve"), "STALE");
    const [audit] = await auditRowsFor(db.prisma, { entityId: target.id, action: "user.role_change_approved" });
    expect(audit).toMatchObject({ actorId: second.id, reason: "Covers SCR cases at Leeds", after: { roles: ["caseworker", "nominated_officer"] } });

    const report = await listSecurityEvents(db.prisma, officer, { category: "role" }, 1, 50);
    expect(JSON.stringify(report.rows)).toContain("Grace Hollis");
    expect(report.rows.length).toBeGreaterThanOrEqual(2);
  });

  it("AC-06: removing the role also waits; a refusal with a reason changes nothing", async () => {
    const { organisation, actor: first } = await createOrganisationWithAdministrator(db.prisma);
    const second = actorFor(await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["administrator"] }));
    const target = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["caseworker", "nominated_officer"] });
    await updateUser(db.prisma, first, updateUserSchema.parse({ userId: target.id, version: "1", name: target.name, roles: ["caseworker"], siteIds: [] }));
    expect((await userRow(target.id)).roles).toEqual(["caseworker", "nominated_officer"]);
    const [request] = await listPendingRoleChanges(db.prisma, second, target.id);
    expect(request.grant).toBe(false);
    await decideRoleChange(db.prisma, second, decideRoleChangeSchema.parse({ requestId: request.id, version: String(request.version), decision: "refuse", reason: "Still needed this month" }));
    expect((await userRow(target.id)).roles).toEqual(["caseworker", "nominated_officer"]);
    expect(await auditRowsFor(db.prisma, { entityId: target.id, action: "user.role_change_refused" })).toHaveLength(1);
  });
});

describe("signing a user out everywhere (SE-05)", () => {
  it("SE-05: an administrator or nominated officer ends every session of a user, audited; others are refused; another organisation's user is not found", async () => {
    const { organisation, actor: admin } = await createOrganisationWithAdministrator(db.prisma);
    const officer = actorFor(await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["nominated_officer"] }));
    const manager = actorFor(await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["manager"] }));
    const target = await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["caseworker"] });
    const input = signOutUserEverywhereSchema.parse({ userId: target.id });

    await signOutUserEverywhere(db.prisma, officer, input);
    expect(await findSessionAccess(db.prisma, target.id, target.sessionVersion, false)).toBeNull();
    await signOutUserEverywhere(db.prisma, admin, input);
    expect((await userRow(target.id)).sessionVersion).toBe(target.sessionVersion + 2);
    expect(await auditRowsFor(db.prisma, { entityId: target.id, action: "user.signed_out_everywhere" })).toHaveLength(2);

    await expectUseCaseError(signOutUserEverywhere(db.prisma, manager, input), "FORBIDDEN");
    const elsewhere = await createOrganisationWithAdministrator(db.prisma);
    await expectUseCaseError(signOutUserEverywhere(db.prisma, elsewhere.actor, input), "NOT_FOUND");
    expect((await userRow(target.id)).sessionVersion).toBe(target.sessionVersion + 2);
  });
});
