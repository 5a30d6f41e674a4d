import { openSecret, sealSecret } from "./secret-box";

/**
 * A user's TOTP secret as stored on their row (docs/security.md AU-04): AES-256-GCM under a key
 * derived from AUTH_SECRET, bound to the user's id (lib/security/secret-box.ts). Here rather than
 * in lib/server so the demo seed stores its accounts' known secret exactly as enrolment does.
 */
const PURPOSE = "mfa-totp";

export const sealTotpSecret = (userId: string, secret: string, authSecret?: string) => sealSecret(PURPOSE, userId, secret, authSecret);
export const openTotpSecret = (userId: string, sealed: string, authSecret?: string) => openSecret(PURPOSE, userId, sealed, authSecret);

/**
 * The demo accounts' shared TOTP secret (base32, 160 bits), printed with the demo sign-ins and
 * used by the end-to-end sign-in helper. Demo accounts are refused in production (AU-05).
 */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
