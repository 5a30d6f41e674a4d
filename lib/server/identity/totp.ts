import { generate, generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { openSecret, sealSecret } from "@/lib/security/secret-box";
export { openTotpSecret, sealTotpSecret } from "@/lib/security/mfa-secret";

/**
 * TOTP for the second factor (docs/security.md AU-04; RFC 6238): 6 digits, 30-second steps, one
 * step of clock drift either way. Each code works once: the caller keeps the last accepted time
 * step and passes it back (`afterTimeStep`).
 */
export const TOTP_ISSUER = "SES Casework";
const CANDIDATE = "mfa-enrolment";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The QR code as an image data URL (the CSP allows `img-src data:`; no inline markup needed). */
export async function totpQrCode(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

export async function checkTotp(secret: string, code: string, afterTimeStep: number | null, now: Date = new Date()): Promise<{ valid: false } | { valid: true; timeStep: number }> {
  if (!/^\d{6}$/.test(code)) return { valid: false };
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterTimeStep !== null ? { afterTimeStep } : {}),
  });
  if (!result.valid) return { valid: false };
  // TOTP results carry the matched time step (otplib 13); the union type also covers HOTP.
  const timeStep = (result as { timeStep?: number }).timeStep;
  return typeof timeStep === "number" ? { valid: true, timeStep } : { valid: false };
}

/** The current code for a secret: for the demo accounts' helpers and the tests. */
export function currentTotp(secret: string, now: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/** A secret offered at enrolment travels in the form, sealed, until a code proves the app has it. */
export const sealCandidateSecret = (userId: string, secret: string) => sealSecret(CANDIDATE, userId, secret);
export const openCandidateSecret = (userId: string, sealed: string) => openSecret(CANDIDATE, userId, sealed);
