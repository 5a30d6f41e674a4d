import { createHash } from "node:crypto";

/**
 * A deterministic UUID for a seeded row: sha256("ses-demo:" + name), the first 16 bytes laid
 * out as an RFC 4122 name-based UUID (version nibble 5, variant bits 10xx). The same name
 * always gives the same id, so the same `today` seeds byte-identical rows and tests can refer
 * to a seeded row by name.
 */
export function seedId(name: string): string {
  const bytes = createHash("sha256").update(`ses-demo:${name}`, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5 (name-based, SHA)
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
