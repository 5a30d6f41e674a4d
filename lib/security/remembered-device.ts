import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The remembered-device cookie (docs/security.md AU-02, AU-04;
 * docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md): a random 256-bit device id,
 * signed with an HMAC under a key derived from AUTH_SECRET, so a value the server did not issue is
 * refused before the database is asked. The database keeps only the SHA-256 of the id, per user.
 * Nothing personal is in the cookie. Format: `<id>.<mac>`, both base64url.
 */
export const REMEMBERED_DEVICE_DAYS = 180;
export const REMEMBERED_DEVICE_MAX_AGE_SECONDS = REMEMBERED_DEVICE_DAYS * 24 * 60 * 60;

export function rememberedDeviceCookieName(secure: boolean): string {
  return secure ? "__Host-ses.device" : "ses.device";
}

function macKey(secret: string | undefined): Buffer {
  if (!secret) throw new Error("AUTH_SECRET is needed to sign the remembered-device cookie.");
  return Buffer.from(hkdfSync("sha256", secret, "ses-casework", "remembered-device", 32));
}

const mac = (id: string, secret: string | undefined) => createHmac("sha256", macKey(secret)).update(id).digest("base64url");

export function newDeviceId(): string {
  return randomBytes(32).toString("base64url");
}

export function signDeviceId(id: string, secret: string | undefined = process.env.AUTH_SECRET): string {
  return `${id}.${mac(id, secret)}`;
}

/** The device id of a cookie value this server signed, or null (missing, malformed, forged). */
export function readDeviceCookie(value: string | null | undefined, secret: string | undefined = process.env.AUTH_SECRET): string | null {
  if (!value || value.length > 200 || !secret) return null;
  const [id, tag, extra] = value.split(".");
  if (!id || !tag || extra !== undefined || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const expected = Buffer.from(mac(id, secret));
  const given = Buffer.from(tag);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

export function hashDeviceId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

/** A cookie header's value for one name (the credentials callback sees the raw request). */
export function cookieFromHeader(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}
