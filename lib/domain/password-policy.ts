import { dictionary } from "@zxcvbn-ts/language-common";
import { PUBLISHED_DEMO_PASSWORD } from "./demo-password";

/**
 * Password policy (docs/security.md AU-03, NCSC guidance): at least 12 characters, up to 256, no
 * composition rules, no expiry, and not on a list of common passwords (≈49,000 entries, offline).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const common = new Set((dictionary["passwords-common"] as string[]).map((entry) => entry.toLowerCase()));

export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Password must be ${PASSWORD_MIN_LENGTH} characters or more`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  const lowered = password.toLowerCase();
  // Nobody may choose the demo accounts' published password (AU-05: see ./demo-password.ts).
  if (lowered === PUBLISHED_DEMO_PASSWORD.toLowerCase()) return "Choose a password that is not the published demo password";
  if (common.has(lowered) || /^(.)\1+$/.test(password)) {
    return "Password is too common: choose a longer phrase that others would not guess";
  }
  const personal = [context.email?.split("@")[0], context.name, "ses casework", "sescasework"]
    .filter((part): part is string => Boolean(part && part.length >= 4))
    .map((part) => part.toLowerCase().replace(/\s+/g, ""));
  if (personal.some((part) => lowered.replace(/\s+/g, "").includes(part))) {
    return "Password must not contain your name, your email address or the name of this service";
  }
  return null;
}

export function commonPasswordCount(): number {
  return common.size;
}
