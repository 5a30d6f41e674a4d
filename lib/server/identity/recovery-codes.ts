import { randomInt } from "node:crypto";
import { RECOVERY_CODE_ALPHABET, RECOVERY_CODE_COUNT } from "@/lib/domain/identity/mfa-policy";
import { hashPassword } from "../auth/password";

/** Ten fresh recovery codes (about 49 bits each) and their argon2id hashes (docs/security.md AU-04). */
export async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const characters = Array.from({ length: 10 }, () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)]).join("");
    return `${characters.slice(0, 5)}-${characters.slice(5)}`;
  });
  return { codes, hashes: await Promise.all(codes.map((code) => hashPassword(code))) };
}
