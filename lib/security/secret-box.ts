import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Small secrets kept at rest (a user's TOTP secret, docs/security.md AU-04) are encrypted with
 * AES-256-GCM under a key derived from AUTH_SECRET with HKDF-SHA256, one key per purpose. The
 * additional data binds a ciphertext to its owner (the user id), so a value copied onto another
 * row does not decrypt. Format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 * docs/decisions/0019-identity-mfa-links-and-role-approval.md says why AUTH_SECRET.
 */
const VERSION = "v1";

function keyFor(purpose: string, secret: string | undefined = process.env.AUTH_SECRET): Buffer {
  if (!secret) throw new Error("AUTH_SECRET is needed to encrypt or decrypt secrets at rest.");
  return Buffer.from(hkdfSync("sha256", secret, "ses-casework", `secret-box:${purpose}`, 32));
}

export function sealSecret(purpose: string, owner: string, plaintext: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose, secret), iv);
  cipher.setAAD(Buffer.from(owner));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** The plaintext, or null when the value was not sealed for this purpose and owner (or is damaged). */
export function openSecret(purpose: string, owner: string, sealed: string, secret?: string): string | null {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose, secret), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(owner));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
