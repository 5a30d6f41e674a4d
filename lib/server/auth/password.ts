import { hash, verify, type Options } from "@node-rs/argon2";

/**
 * Passwords: argon2id, m=19 MiB, t=2, p=1, PHC string (docs/security.md AU-01; OWASP minimum).
 * No 72-byte truncation (unlike bcrypt), so long passphrases are fine (AU-03).
 */
export const ARGON2_OPTIONS: Options & { memoryCost: number; timeCost: number; parallelism: number } = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, which isolatedModules cannot read)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Whether a stored hash is weaker than today's parameters, so sign-in re-hashes it (AU-01). */
export function needsRehash(passwordHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (!match) return true;
  const [, memory, time, parallelism] = match.map(Number);
  return memory < ARGON2_OPTIONS.memoryCost || time < ARGON2_OPTIONS.timeCost || parallelism !== ARGON2_OPTIONS.parallelism;
}

// A fixed hash to verify against when the email is unknown, so both paths cost the same time.
let dummyHash: Promise<string> | undefined;
export function timingSafeDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-used-for-timing-only");
  return dummyHash;
}
