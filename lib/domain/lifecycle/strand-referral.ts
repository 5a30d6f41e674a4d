/**
 * 13.25–13.27: on the UC two-stage route, once the Initial Assessment has recommended a strand,
 * the Work Coach makes a second PRaP referral to that strand; the provider records it, then
 * accepts it. Clerical SCR cases have no PRaP referrals (13.53).
 */
export function awaitsStrandReferral(facts: {
  route: string;
  restrictionTier: string;
  state: string;
  strand: string | null;
  hasStrandReferral: boolean;
}): boolean {
  return (
    facts.route === "prap_two_stage" &&
    facts.restrictionTier !== "scr" &&
    facts.state === "recommended" &&
    facts.strand !== null &&
    !facts.hasStrandReferral
  );
}
