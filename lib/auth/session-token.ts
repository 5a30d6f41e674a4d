import { hkdfSync } from "node:crypto";
import { base64url, calculateJwkThumbprint, EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";
import type { JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/**
 * The session cookie's token, in exactly Auth.js's format (an encrypted JWT: `dir` with
 * A256CBC-HS512, the key derived by HKDF from AUTH_SECRET with the cookie name as salt, the key's
 * thumbprint as `kid`), so Auth.js's sign-in and this module read each other's tokens.
 *
 * What differs is cost (docs/decisions/0024-session-token-per-request.md): Auth.js derives the key
 * and its thumbprint again on every encode and decode — HKDF and two SHA digests per call,
 * several calls per request. Here they are derived once per process and secret, and every page,
 * action and the proxy decode with the cached key.
 */
const ENCRYPTION = "A256CBC-HS512";
const CLOCK_TOLERANCE_SECONDS = 15;

interface DerivedKey {
  key: Uint8Array;
  kid: string;
}

const derivedKeys = new Map<string, Promise<DerivedKey>>();

function derivedKey(secret: string, salt: string): Promise<DerivedKey> {
  const id = `${salt}\u0000${secret}`;
  let key = derivedKeys.get(id);
  if (!key) {
    key = (async () => {
      const bytes = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
      return { key: bytes, kid: await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(bytes) }, "sha512") };
    })();
    derivedKeys.set(id, key);
  }
  return key;
}

function secretsOf(secret: string | string[]): string[] {
  return Array.isArray(secret) ? secret : [secret];
}

/** Encrypts the session claims, expiring `maxAge` seconds from now (Auth.js's `jwt.encode`). */
export async function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const { token = {}, secret, maxAge, salt } = params;
  const { key, kid } = await derivedKey(secretsOf(secret)[0], salt);
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token as JWTPayload)
    .setProtectedHeader({ alg: "dir", enc: ENCRYPTION, kid })
    .setIssuedAt(now)
    .setExpirationTime(now + (maxAge ?? 30 * 24 * 60 * 60))
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

/**
 * Tokens this process has already decrypted and checked, by their exact text: a browser sends the
 * same cookie with every request until the proxy re-issues it (at most once a minute), and both
 * the proxy and the page read it (docs/decisions/0031-per-request-and-per-process-caches.md). Only
 * a token that decrypted and verified with the current secrets is held, so a hit needs the very
 * bytes that passed; its expiry is checked again on every hit. On globalThis, because the proxy
 * and the pages are separate bundles in one process. Bounded: the oldest entry goes first.
 */
const DECODED_TOKENS_LIMIT = 2000;
interface DecodedToken {
  secrets: string;
  payload: JWTPayload;
}
const holder = globalThis as typeof globalThis & { __sesDecodedSessionTokens?: Map<string, DecodedToken> };

function decodedTokens(): Map<string, DecodedToken> {
  holder.__sesDecodedSessionTokens ??= new Map();
  return holder.__sesDecodedSessionTokens;
}

/** jose's own time checks (exp, nbf, with the same tolerance), for a token decrypted earlier. */
function stillValid(payload: JWTPayload, nowSeconds: number): boolean {
  if (typeof payload.exp === "number" && payload.exp <= nowSeconds - CLOCK_TOLERANCE_SECONDS) return false;
  if (typeof payload.nbf === "number" && payload.nbf > nowSeconds + CLOCK_TOLERANCE_SECONDS) return false;
  return true;
}

/**
 * The claims of a valid, unexpired token, or null for a missing, tampered, expired or foreign one
 * (Auth.js's `jwt.decode`, which throws instead: callers here want a yes or no).
 */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWTPayload | null> {
  const { token, secret, salt } = params;
  if (!token) return null;
  const secrets = `${salt}\u0000${secretsOf(secret).join("\u0000")}`;
  const held = decodedTokens().get(token);
  if (held && held.secrets === secrets) {
    if (stillValid(held.payload, Math.floor(Date.now() / 1000))) return { ...held.payload };
    decodedTokens().delete(token);
    return null;
  }
  const payload = await decryptSessionToken(token, secret, salt);
  if (payload) {
    const tokens = decodedTokens();
    if (tokens.size >= DECODED_TOKENS_LIMIT) tokens.delete(tokens.keys().next().value!);
    tokens.set(token, { secrets, payload: { ...payload } });
  }
  return payload;
}

async function decryptSessionToken(token: string, secret: string | string[], salt: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtDecrypt(
      token,
      async ({ kid }) => {
        for (const candidate of secretsOf(secret)) {
          const derived = await derivedKey(candidate, salt);
          if (kid === undefined || kid === derived.kid) return derived.key;
        }
        throw new Error("no matching decryption secret");
      },
      { clockTolerance: CLOCK_TOLERANCE_SECONDS, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: [ENCRYPTION] },
    );
    return payload;
  } catch {
    return null;
  }
}
