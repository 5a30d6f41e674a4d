/**
 * 13.25–13.27: on the UC two-stage route, once the Initial Assessment has recommended a strand,
 * the Work Coach makes a second PRaP referral to that strand; the provider records it, then
 * accepts it. Clerical SCR cases have no PRaP referrals (13.53).
 */
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

/** The UC two-stage process: a PRaP two-stage case, or an SRO introduction under a 2016 ruleset (13.49). */
export function isTwoStage(facts: { route: string; ruleset?: string }): boolean {
  return facts.route === "prap_two_stage" || (facts.route === "sro_introduction" && (facts.ruleset === "ses_2016_uc" || facts.ruleset === "ses_2016_non_uc"));
}
