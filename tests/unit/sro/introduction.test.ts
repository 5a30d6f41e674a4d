import { describe, expect, it } from "vitest";
import { describeEarlierSpell, earlierSpellDecisionMissing } from "@/lib/domain/sro/earlier-spells";
import { introductionOffered } from "@/lib/domain/sro/attach-to-introduction";
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

describe("earlier SES spells (13.46, 3.24)", () => {
  const spell = { reference: "SES-000012", referralDate: "2016-10-03", startedOn: "2016-10-20", endedOn: "2017-04-10", closedOn: "2017-04-10", state: "completed" } as const;

  it("describes an earlier spell by its dates and outcome", () => {
    expect(describeEarlierSpell(spell)).toBe("SES-000012: referred Monday 3 October 2016, started Thursday 20 October 2016, completed on Monday 10 April 2017");
    expect(describeEarlierSpell({ ...spell, startedOn: null, endedOn: null, closedOn: "2016-11-01", state: "rejected" })).toBe(
      "SES-000012: referred Monday 3 October 2016, never started, rejected on Tuesday 1 November 2016",
    );
  });

  it("needs a reason to go on only when an earlier spell is on record", () => {
    expect(earlierSpellDecisionMissing([], null, "13.46")).toBeNull();
    expect(earlierSpellDecisionMissing([spell], "Circumstances changed", "13.46")).toBeNull();
    expect(earlierSpellDecisionMissing([spell], "  ", "3.24")).toMatch(/^An earlier SES spell is recorded .*SES-000012.*appropriate to go on \(3\.24\)$/);
    expect(earlierSpellDecisionMissing([spell, spell], null, "13.46")).toMatch(/^Earlier SES spells are recorded/);
  });
});

describe("the intake's offer to attach JCP's referral to an open introduction (13.49, 3.27)", () => {
  const id = "5b0c4ac4-6c4a-4f4b-9f2f-0d6e2a0f0a11";
  it("finds the introduction named by the field error's key, and nothing else", () => {
    expect(introductionOffered({ [`attachToIntroduction:${id}`]: "…" })).toEqual({ key: `attachToIntroduction:${id}`, caseId: id });
    expect(introductionOffered({ reReferralJustification: "…" })).toBeNull();
    expect(introductionOffered({ "attachToIntroduction:not-an-id": "…" })).toBeNull();
  });
});
