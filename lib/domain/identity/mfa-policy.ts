import type { Role } from "../permissions";

/**
 * Who must use a second factor (docs/security.md AU-04): nominated officers, managers and
 * administrators always; caseworkers when the `security.mfaRequiredForCaseworkers` setting says
 * so (optional by default). Anyone who has set it up uses it at every sign-in.
 */
export const MFA_REQUIRED_ROLES: readonly Role[] = ["nominated_officer", "manager", "administrator"];

export function mfaRequiredFor(roles: readonly Role[], requiredForCaseworkers: boolean): boolean {
  return roles.some((role) => MFA_REQUIRED_ROLES.includes(role)) || (requiredForCaseworkers && roles.includes("caseworker"));
}

/** What a signed-in session still has to do before it reaches the app. */
export type MfaStep = "done" | "verify" | "enrol";

export function mfaStepFor(input: { enrolled: boolean; required: boolean; verifiedThisSession: boolean }): MfaStep {
  if (input.verifiedThisSession) return "done";
  if (input.enrolled) return "verify";
  return input.required ? "enrol" : "done";
}

/** Recovery codes: ten, shown once, each `xxxxx-xxxxx` from an alphabet without look-alikes. */
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A typed recovery code in its stored form: lower case, spaces and hyphens ignored. */
export function normaliseRecoveryCode(typed: string): string {
  const compact = typed.toLowerCase().replace(/[\s-]/g, "");
  return compact.length === 10 ? `${compact.slice(0, 5)}-${compact.slice(5)}` : compact;
}
