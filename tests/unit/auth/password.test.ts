import { hash as argon2Hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { ARGON2_OPTIONS, hashPassword, needsRehash, timingSafeDummyHash, verifyPassword } from "@/lib/server/auth/password";

/** The parts of a PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash */
function parsePhc(phc: string) {
  const match = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(phc);
  if (!match) throw new Error(`not a PHC argon2 string: ${phc}`);
  const [, algorithm, version, memory, time, parallelism, salt, digest] = match;
  return {
    algorithm,
    version: Number(version),
    memoryKiB: Number(memory),
    iterations: Number(time),
    parallelism: Number(parallelism),
    saltBytes: Buffer.from(salt, "base64").length,
    hashBytes: Buffer.from(digest, "base64").length,
  };
}

const Argon2i = 1; // @node-rs/argon2 Algorithm.Argon2i (a const enum)
const Argon2id = 2;

describe("password hashing (AU-01)", () => {
  it("stores argon2id in PHC format with m ≥ 19456 KiB, t ≥ 2, p = 1, read back from a real hash (AU-01)", async () => {
    const phc = parsePhc(await hashPassword("a perfectly ordinary passphrase"));
    expect(phc.algorithm).toBe("argon2id");
    expect(phc.version).toBe(19);
    expect(phc.memoryKiB).toBeGreaterThanOrEqual(19_456);
    expect(phc.iterations).toBeGreaterThanOrEqual(2);
    expect(phc.parallelism).toBe(1);
    expect(phc.saltBytes).toBeGreaterThanOrEqual(16);
    expect(phc.hashBytes).toBeGreaterThanOrEqual(32);
  });

  it("declares the same parameters it uses (ARGON2_OPTIONS is argon2id, m ≥ 19456, t ≥ 2, p = 1)", () => {
    expect(ARGON2_OPTIONS.algorithm).toBe(Argon2id);
    expect(ARGON2_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(ARGON2_OPTIONS.timeCost).toBeGreaterThanOrEqual(2);
    expect(ARGON2_OPTIONS.parallelism).toBe(1);
  });

  it("salts every hash: the same password hashed twice gives two different strings that both verify", async () => {
    const first = await hashPassword("correct horse battery staple");
    const second = await hashPassword("correct horse battery staple");
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(second, "correct horse battery staple")).toBe(true);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(stored, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(stored, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(stored, "Correct horse battery staple")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("verifies a 100-character password and tells apart two that differ only after byte 72 (no bcrypt truncation, AU-03)", async () => {
    const long = "a".repeat(60) + "0123456789" + "b".repeat(30);
    expect(long).toHaveLength(100);
    const stored = await hashPassword(long);
    expect(await verifyPassword(stored, long)).toBe(true);
    const differsAt90 = long.slice(0, 89) + "X" + long.slice(90);
    expect(differsAt90).toHaveLength(100);
    expect(await verifyPassword(stored, differsAt90)).toBe(false);
    expect(await verifyPassword(stored, long.slice(0, 72))).toBe(false);
  });

  it("handles non-ASCII passphrases byte for byte", async () => {
    const stored = await hashPassword("café crème brûlée — ✓ 🚲");
    expect(await verifyPassword(stored, "café crème brûlée — ✓ 🚲")).toBe(true);
    expect(await verifyPassword(stored, "cafe creme brulee — ✓ 🚲")).toBe(false);
  });

  it("answers false rather than throwing for a stored value that is not a hash", async () => {
    for (const broken of ["", "not-a-hash", "$argon2id$v=19$m=19456,t=2,p=1$$", "$2b$12$abcdefghijklmnopqrstuv"]) {
      expect(await verifyPassword(broken, "anything at all"), broken).toBe(false);
    }
  });

  it("keeps a dummy hash for unknown emails so both sign-in paths cost one verification", async () => {
    const dummy = await timingSafeDummyHash();
    expect(parsePhc(dummy).algorithm).toBe("argon2id");
    expect(await timingSafeDummyHash()).toBe(dummy);
  });
});

describe("needsRehash: older or weaker hashes are upgraded at sign-in (AU-01)", () => {
  it("does not re-hash a hash made with today's parameters", async () => {
    expect(needsRehash(await hashPassword("a perfectly ordinary passphrase"))).toBe(false);
  });

  it.each([
    ["less memory (m=4096)", { algorithm: Argon2id, memoryCost: 4096, timeCost: 2, parallelism: 1 }],
    ["fewer passes (t=1)", { algorithm: Argon2id, memoryCost: 19_456, timeCost: 1, parallelism: 1 }],
    ["other parallelism (p=2)", { algorithm: Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 2 }],
    ["argon2i instead of argon2id", { algorithm: Argon2i, memoryCost: 19_456, timeCost: 2, parallelism: 1 }],
  ])("re-hashes a hash with %s", async (_label, options) => {
    const weak = await argon2Hash("a perfectly ordinary passphrase", options);
    expect(needsRehash(weak)).toBe(true);
    // …and the weak hash still verifies, so the sign-in that upgrades it can succeed.
    expect(await verifyPassword(weak, "a perfectly ordinary passphrase")).toBe(true);
  });

  it("re-hashes anything that is not an argon2id PHC string (e.g. a bcrypt hash from an import)", () => {
    expect(needsRehash("$2b$12$C6UzMDM.H6dfI/f/IKxGhu3Q5zVYd/Y1d1y2b8Y5sJ4J1Y3m4oT6e")).toBe(true);
    expect(needsRehash("")).toBe(true);
    expect(needsRehash("plain text")).toBe(true);
  });

  it("does not downgrade: a stronger hash is left alone", async () => {
    const stronger = await argon2Hash("a perfectly ordinary passphrase", { algorithm: Argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 1 });
    expect(needsRehash(stronger)).toBe(false);
  });
});
