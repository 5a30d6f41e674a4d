import type { PrapReason, ReasonKind } from "@/lib/db/prisma";
import { seedId } from "./ids";

/**
 * Reference data, not demo data: seedReferenceData (seed-demo.ts) loads these lists in every
 * installation, production too; the demo's closed cases and the tests use their ids.
 */

export type ReasonKey = `${ReasonKind}:${string}`;

export interface ReasonDefinition {
  kind: ReasonKind;
  code: string;
  label: string;
  prapLabel: PrapReason | null;
}

/**
 * Administrator-editable reason lists, each mapped to the label PRaP offers
 * (docs/rules/reasons-and-settings.md; 13.33, 13.34, 3.08, 3.13, 3.14).
 */
export const REASON_DEFINITIONS: readonly ReasonDefinition[] = [
  // 13.33, 3.13: referral made in error, found before acknowledgement/acceptance → "Other"
  { kind: "rejection", code: "other", label: "Referral made in error (Other)", prapLabel: "other" },
  // 3.08: customer no longer suitable, and the DEA/Work Coach agrees (3.10)
  { kind: "rejection", code: "no_longer_wishes", label: "No longer wishes to take part", prapLabel: "customer_no_longer_suitable" },
  { kind: "rejection", code: "unable_to_contact", label: "Unable to contact after the attempts threshold", prapLabel: "customer_no_longer_suitable" },
  { kind: "rejection", code: "circumstances_changed", label: "Circumstances have changed", prapLabel: "customer_no_longer_suitable" },
  // docs/decisions/0011-2016-no-show-and-withdrawal.md: a 2016 claimant who misses the Initial Assessment or withdraws → PRaP "Other"
  { kind: "rejection", code: "did_not_attend_assessment", label: "Did not attend the Initial Assessment", prapLabel: "other" },
  { kind: "rejection", code: "withdrew", label: "Withdrew before the Initial Assessment outcome", prapLabel: "other" },
  // 13.34, 13.35, 3.14, 3.15: made in error, or backed out
  { kind: "cancellation", code: "did_not_start", label: "Did Not Start", prapLabel: "did_not_start" },
  // 3.08–3.10 after acceptance (with the DEA/Work Coach's agreement); 13.34 and docs/decisions/0011-2016-no-show-and-withdrawal.md (2016)
  { kind: "cancellation", code: "no_longer_wishes", label: "Did Not Start: no longer wishes to take part", prapLabel: "did_not_start" },
  { kind: "cancellation", code: "unable_to_contact", label: "Did Not Start: unable to contact", prapLabel: "did_not_start" },
  { kind: "cancellation", code: "circumstances_changed", label: "Did Not Start: circumstances have changed", prapLabel: "did_not_start" },
  { kind: "cancellation", code: "did_not_attend", label: "Did Not Start: did not attend the start", prapLabel: "did_not_start" },
  { kind: "cancellation", code: "withdrew", label: "Did Not Start: withdrew", prapLabel: "did_not_start" },
  // 13.28–13.31: after full discussion with the claimant; the reason is phoned, not written
  { kind: "not_suitable", code: "discussed_with_spoc", label: "Not suitable after full discussion (JCP SPoC told by telephone)", prapLabel: null },
  // 13.36, 3.16: part 8a / exit tracker leaving reason
  { kind: "early_leaving", code: "found_work", label: "Found work", prapLabel: null },
  { kind: "early_leaving", code: "health", label: "Health reasons", prapLabel: null },
  { kind: "early_leaving", code: "moved_away", label: "Moved out of the area", prapLabel: null },
  { kind: "early_leaving", code: "no_longer_wishes", label: "No longer wishes to take part", prapLabel: null },
  { kind: "early_leaving", code: "other", label: "Other reason", prapLabel: null },
  // SESSRO1 Part 4 (13.46, 13.51, 3.24, 3.29)
  { kind: "not_eligible", code: "incompatible_programme", label: "On an incompatible DWP programme", prapLabel: null },
  { kind: "not_eligible", code: "not_eligible", label: "Not eligible for SES", prapLabel: null },
  { kind: "not_eligible", code: "not_suitable", label: "Not suitable for SES", prapLabel: null },
];

export function reasonId(kind: ReasonKind, code: string): string {
  return seedId(`reason:${kind}:${code}`);
}

export function reasonLabel(key: ReasonKey): string {
  const found = REASON_DEFINITIONS.find((reason) => `${reason.kind}:${reason.code}` === key);
  if (!found) throw new Error(`Unknown demo reason ${key}`);
  return found.label;
}
