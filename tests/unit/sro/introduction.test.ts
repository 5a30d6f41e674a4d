import { describe, expect, it } from "vitest";
import { introductionRulesetOn, PLACE_HOLDING_STATES, provisionIsFull, SRO_PLACE_HOLDING_STATES_AFTER_REFERRAL } from "@/lib/domain/sro/introduction";
import { CLOSED_STATES } from "@/lib/domain/case-states";

describe("SRO introductions: ruleset and capacity (13.47, 3.25)", () => {
  it("introduces under Ch3 from September 2017 and Ch13 before", () => {
    expect(introductionRulesetOn("2017-08-31")).toBe("ses_2016_uc");
    expect(introductionRulesetOn("2017-09-01")).toBe("ses_2017");
  });

  it("checks 'provision is not full' only where capacity is recorded", () => {
    expect(provisionIsFull(null, 999)).toBeNull();
    expect(provisionIsFull(40, 39)).toBe(false);
    expect(provisionIsFull(40, 40)).toBe(true);
  });

  it("never counts a closed case as holding a place; counts an accepted introduction", () => {
    for (const state of [...PLACE_HOLDING_STATES, ...SRO_PLACE_HOLDING_STATES_AFTER_REFERRAL]) expect(CLOSED_STATES.has(state)).toBe(false);
    expect(PLACE_HOLDING_STATES).toContain("introduction_accepted");
    expect(PLACE_HOLDING_STATES).not.toContain("introduced");
  });
});
