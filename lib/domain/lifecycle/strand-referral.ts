/**
 * 13.25–13.27: on the UC two-stage route, once the Initial Assessment has recommended a strand,
 * the Work Coach makes a second PRaP referral to that strand; the provider records it, then
 * accepts it. Clerical SCR cases have no PRaP referrals (13.53).
 */
import type { STRAND_LABELS } from "../case-labels";
import { isRuleset, RULESET_LIFECYCLE } from "./rulesets";

/** SES Main Provision or SES Start Back (13.19): the strands, and the provisions of a strand referral. */
export const STRANDS = ["sesmp", "sessb"] as const satisfies readonly (keyof typeof STRAND_LABELS)[];
export type Strand = (typeof STRANDS)[number];

function isStrand(value: unknown): value is Strand {
  return (STRANDS as readonly unknown[]).includes(value);
}

/** Whether any of a case's PRaP referrals is the strand referral (its provision is a strand). */
export function hasStrandReferral(provisions: readonly string[]): boolean {
  return provisions.some(isStrand);
}

export function awaitsStrandReferral(facts: {
  route: string;
  /** An SRO introduction under a 2016 ruleset follows the two-stage process once JCP refers it (13.49). */
  ruleset?: string;
  restrictionTier: string;
  state: string;
  strand: string | null;
  hasStrandReferral: boolean;
}): boolean {
  return (
    isTwoStage(facts) &&
    facts.restrictionTier !== "scr" &&
    facts.state === "recommended" &&
    facts.strand !== null &&
    !facts.hasStrandReferral
  );
}

/** The UC two-stage process: a PRaP two-stage case, or an SRO introduction whose ruleset follows it (13.49). */
export function isTwoStage(facts: { route: string; ruleset?: string }): boolean {
  if (facts.route === "prap_two_stage") return true;
  return facts.route === "sro_introduction" && isRuleset(facts.ruleset) && RULESET_LIFECYCLE[facts.ruleset].prapRoute === "prap_two_stage";
}
