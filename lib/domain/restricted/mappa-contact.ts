import type { Role } from "../permissions";
import { can } from "../permissions";

/**
 * A MAPPA case's contact details are for nominated officers only (13.68–13.72, 3.32–3.39;
 * docs/rules/restricted-cases.md: MAPPA contact details; docs/security.md AC-04). The case record
 * caseworkers, managers and administrators see holds day-to-day information only (13.71, 3.37),
 * so the claimant's telephone numbers and address are taken out of every case a reader who is not
 * a nominated officer loads. Clearing the MAPPA marking brings them back: nothing is deleted.
 */
export const MAPPA_CONTACT_FIELDS = ["telephone", "alternativeTelephone", "addressLine1", "addressLine2", "town", "postcode"] as const;

export type MappaContactField = (typeof MAPPA_CONTACT_FIELDS)[number];

/** Whether this reader may see the contact details of a case of this tier. */
export function mayReadContactDetails(roles: readonly Role[], restrictionTier: string): boolean {
  return restrictionTier !== "mappa" || can(roles, "read:restricted-case:any");
}

/**
 * The claimant as this reader may see them: the same object when allowed, otherwise a copy whose
 * contact fields (those present) are null. Fields not selected stay absent.
 */
export function redactMappaContact<Claimant extends object>(claimant: Claimant, roles: readonly Role[], restrictionTier: string): Claimant {
  if (mayReadContactDetails(roles, restrictionTier)) return claimant;
  const redacted = { ...claimant } as Record<string, unknown>;
  for (const field of MAPPA_CONTACT_FIELDS) if (field in redacted) redacted[field] = null;
  return redacted as Claimant;
}
