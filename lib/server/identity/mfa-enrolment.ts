import type { PrismaClient } from "@/lib/db/prisma";
import type { EnrolMfaInput } from "@/lib/domain/forms/identity-forms";
import { recordAudit } from "../audit/record-audit";
import type { UseCaseActor } from "../assert-can";
import { openSecret, sealSecret } from "@/lib/security/secret-box";
import { UseCaseError } from "../use-case-error";
import { newRecoveryCodes } from "./recovery-codes";
import { checkTotp, newTotpSecret, openCandidateSecret, sealCandidateSecret, sealTotpSecret, totpQrCode, totpUri } from "./totp";

export interface MfaEnrolmentOffer {
  /** The secret, sealed for this user, to post back with the first code. */
  sealedSecret: string;
  /** The secret in groups of four, for typing into an app that cannot scan. */
  secretText: string;
  qrCode: string;
}

/**
 * The set-up page's offer: a fresh secret, its QR code and its text. Nothing is stored until a
 * code proves the app holds it (a GET changes nothing, docs/security.md CS-01). A user who has
 * already set up a second factor cannot set up another in its place: an administrator resets it.
 */
export async function offerMfaEnrolment(prisma: PrismaClient, actor: UseCaseActor): Promise<MfaEnrolmentOffer | null> {
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { email: true, mfaEnabledAt: true } });
  if (!user || user.mfaEnabledAt) return null;
  const secret = newTotpSecret();
  return {
    sealedSecret: sealCandidateSecret(actor.id, secret),
    secretText: secret.replace(/(.{4})/g, "$1 ").trim(),
    qrCode: await totpQrCode(totpUri(user.email, secret)),
  };
}

const CODE_WRONG = "The code is not right. Enter the 6-digit code your authenticator app shows now";

/**
 * Sets up the second factor (AU-04): the first code must match the offered secret. The secret is
 * stored encrypted, ten recovery codes are made (only their hashes stored) and returned to be
 * shown once. Refused, changing nothing, if the user set one up meanwhile (a repeat submission).
 */
export async function confirmMfaEnrolment(prisma: PrismaClient, actor: UseCaseActor, input: EnrolMfaInput, now: Date = new Date()): Promise<{ recoveryCodes: string[]; proof: string }> {
  const secret = openCandidateSecret(actor.id, input.sealedSecret);
  if (!secret) throw new UseCaseError("INVALID", "The set-up has expired. Start again with the new QR code.", { code: "The set-up has expired. Start again with the new QR code" });
  const check = await checkTotp(secret, input.code, null, now);
  if (!check.valid) throw new UseCaseError("INVALID", CODE_WRONG, { code: CODE_WRONG });
  const { codes, hashes } = await newRecoveryCodes();
  await prisma.$transaction(async (tx) => {
    const claimed = await tx.user.updateMany({
      where: { id: actor.id, mfaEnabledAt: null },
      data: { mfaSecret: sealTotpSecret(actor.id, secret), mfaEnabledAt: now, mfaLastTimeStep: check.timeStep, version: { increment: 1 } },
    });
    if (claimed.count === 0) throw new UseCaseError("INVALID", "Two-factor authentication is already set up for your account.");
    await tx.mfaRecoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.mfaRecoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: actor.id, codeHash })) });
    await recordAudit(tx, actor, { action: "auth.mfa_enrolled", entityType: "User", entityId: actor.id, after: { recoveryCodes: hashes.length } });
  });
  // The session is not changed here: changing it would redraw the page and lose the codes on
  // screen. The browser posts this sealed proof back once the codes are saved.
  return { recoveryCodes: codes, proof: sealSecret(ENROLLED, actor.id, now.toISOString()) };
}

const ENROLLED = "mfa-enrolled";
const PROOF_MINUTES = 30;

/** Whether the proof is from this user's enrolment in force, made in the last 30 minutes. */
export async function checkEnrolmentProof(prisma: PrismaClient, actor: UseCaseActor, proof: string, now: Date = new Date()): Promise<boolean> {
  const enrolledAt = openSecret(ENROLLED, actor.id, proof);
  if (!enrolledAt) return false;
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { mfaEnabledAt: true } });
  if (!user?.mfaEnabledAt || user.mfaEnabledAt.toISOString() !== enrolledAt) return false;
  return now.getTime() - user.mfaEnabledAt.getTime() <= PROOF_MINUTES * 60_000;
}
