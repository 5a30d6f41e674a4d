/**
 * SRO introductions (docs/rules/routes.md, route 3; 13.40–13.51, 3.19–3.29): the pure rules that are not
 * lifecycle transitions — which ruleset an introduction runs under, and which cases hold one of a
 * site's places when "provision is not full" is checked against the site's capacity (13.47, 3.25).
 */
import type { IsoDate } from "../../calendar/iso-date";
import type { CaseState } from "../case-states";
import type { Ruleset } from "../deadlines";

/**
 * Ch3 (the contract-extension process, v1.0 September 2017) governs introductions from 1 September
 * 2017; before that, Ch13. There is no purchase order yet, so a 2016 introduction starts as
 * ses_2016_uc (Ch13 is the Universal Credit chapter); when JCP's PRaP referral arrives, the ruleset
 * follows its date and purchase order like every PRaP referral (deriveRuleset in
 * lib/domain/lifecycle/rulesets.ts; 13.06, 13.16, 13.49; docs/rules/rulesets.md).
 */
export const CH3_INTRODUCTIONS_FROM: IsoDate = "2017-09-01";

export function introductionRulesetOn(introducedOn: IsoDate): Ruleset {
  return introducedOn >= CH3_INTRODUCTIONS_FROM ? "ses_2017" : "ses_2016_uc";
}

/**
 * Decision (13.47, 3.25, "your provision is not full"): a place is held by everyone the provider
 * has accepted onto the programme who has not yet left it —
 * - any case accepted, started or backed out (POST's back-out does not free the place until the
 *   cancellation is recorded);
 * - an SRO introduction accepted at its first meeting, from "introduction accepted" until it
 *   ends, including while JCP's PRaP referral goes through referred/acknowledged/assessment
 *   booked/recommended — the provider has already accepted them (13.47) and must not give the
 *   place away while JCP does its paperwork.
 * A PRaP referral not yet accepted holds no place. Closed cases hold none. Restricted (SCR, MAPPA)
 * cases count like any other: capacity is a count, and identifies no one.
 */
export const PLACE_HOLDING_STATES: readonly CaseState[] = ["accepted", "started", "backed_out", "introduction_accepted"];
/** States in which an SRO-introduced case (route sro_introduction) still holds its place after JCP's referral. */
export const SRO_PLACE_HOLDING_STATES_AFTER_REFERRAL: readonly CaseState[] = ["referred", "acknowledged", "assessment_booked", "recommended"];

/** Whether a site with `capacity` places (null: not recorded) is full with `placesTaken` of them held. */
export function provisionIsFull(capacity: number | null, placesTaken: number): boolean | null {
  return capacity === null ? null : placesTaken >= capacity;
}
