/**
 * A session grant: the server's signed permission to change two claims of the signed-in user's
 * JWT — that the second factor was passed in this session, and the session version after a
 * password change (docs/security.md AU-04, SE-04). Auth.js's `update` hands the jwt callback
 * whatever data it is given, so the callback accepts only a grant signed with AUTH_SECRET, for
 * this user and this sign-in, minted in the last minute. Web Crypto, so it runs wherever the
 * callback does (proxy.ts included).
 */
export interface SessionGrant {
  sub: string;
  signedInAt: number;
  sv: number;
  mfa: boolean;
  exp: number;
}

const GRANT_SECONDS = 60;
const encoder = new TextEncoder();

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(`session-grant:${secret}`), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

export async function mintSessionGrant(claims: Omit<SessionGrant, "exp">, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  const payload = toBase64Url(encoder.encode(JSON.stringify({ ...claims, exp: nowSeconds + GRANT_SECONDS })));
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(payload)));
  return `${payload}.${toBase64Url(signature)}`;
}

/** The grant's claims when it is genuine, unexpired and for this session; otherwise null. */
export async function readSessionGrant(
  grant: unknown,
  session: { sub?: string; signedInAt?: number },
  secret: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<SessionGrant | null> {
  if (typeof grant !== "string" || !secret || grant.length > 2000) return null;
  const [payload, signature] = grant.split(".");
  if (!payload || !signature) return null;
  const valid = await crypto.subtle.verify("HMAC", await hmacKey(secret), Buffer.from(signature, "base64url"), encoder.encode(payload));
  if (!valid) return null;
  let claims: SessionGrant;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as SessionGrant;
  } catch {
    return null;
  }
  if (claims.exp < nowSeconds || claims.sub !== session.sub || claims.signedInAt !== session.signedInAt) return null;
  if (typeof claims.sv !== "number" || typeof claims.mfa !== "boolean") return null;
  return claims;
}
