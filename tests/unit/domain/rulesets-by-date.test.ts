import { describe, expect, it } from "vitest";
import { CHAPTER_3_FROM, deriveRuleset, purchaseOrderRouteProblem, RULESET_LIFECYCLE, RULESET_PERIODS } from "@/lib/domain/lifecycle/rulesets";
import { ALL_RULESETS } from "@/lib/domain/lifecycle/rulesets";

/**
 * Which ruleset a PRaP referral follows (docs/rules/rulesets.md, "How the ruleset is chosen";
 * docs/decisions/0009-rulesets-by-referral-date.md): the referral date and the purchase order.
 */
describe("rulesets decided by the referral date and purchase order (13.06, 13.16, 3.01)", () => {
  it("runs a UC referral (PO 2…) made before 1 September 2017 through Chapter 13's two-stage process", () => {
    expect(deriveRuleset("2016-10-03", "uc")).toMatchObject({ ruleset: "ses_2016_uc", route: "prap_two_stage" });
    expect(deriveRuleset("2017-08-31", "uc")).toMatchObject({ ruleset: "ses_2016_uc", route: "prap_two_stage" });
  });

  it("runs every referral made from 1 September 2017 through Chapter 3's single process, UC or not (3.01, 3.06)", () => {
    expect(CHAPTER_3_FROM).toBe("2017-09-01");
    expect(deriveRuleset("2017-09-01", "uc")).toMatchObject({ ruleset: "ses_2017", route: "prap_single" });
    expect(deriveRuleset("2018-03-05", "non_uc")).toMatchObject({ ruleset: "ses_2017", route: "prap_single" });
  });

  it("runs a non-UC referral (PO 1…) made before 1 September 2017 through the single process: the assumption of decision 0009", () => {
    const derived = deriveRuleset("2016-10-03", "non_uc");
    expect(derived).toMatchObject({ ruleset: "ses_2017", route: "prap_single" });
    expect(derived.why).toContain("docs/decisions/0009-rulesets-by-referral-date.md");
  });

  it("says why in plain words, with the date and the purchase order", () => {
    expect(deriveRuleset("2016-10-03", "uc").why).toBe(
      "Referral date Monday 3 October 2016, purchase order starting 2: it was made before 1 September 2017 and its purchase order starts with 2 (Universal Credit), so Chapter 13’s two-stage process applies.",
    );
  });

  it("has no non-UC two-stage ruleset: every ruleset in the table is a known one, and only two exist", () => {
    expect(ALL_RULESETS).toEqual(["ses_2016_uc", "ses_2017"]);
    expect(Object.keys(RULESET_LIFECYCLE)).toEqual(["ses_2016_uc", "ses_2017"]);
    for (const period of RULESET_PERIODS) expect(ALL_RULESETS).toContain(period.ruleset);
  });

  it("refuses a referral dated before any period rather than guessing", () => {
    expect(() => deriveRuleset("2014-12-31", "uc")).toThrow(RangeError);
  });
});

describe("a purchase order that contradicts the route or benefit is refused (13.06, 13.16)", () => {
  it("refuses a 1… purchase order on the UC two-stage route", () => {
    expect(purchaseOrderRouteProblem({ regime: "non_uc", route: "prap_two_stage", benefit: null })).toMatch(/two-stage process is for Universal Credit referrals.*\(13\.06, 13\.16\)$/);
  });

  it("refuses a 2… purchase order where the referral is said to be for another benefit", () => {
    expect(purchaseOrderRouteProblem({ regime: "uc", route: "prap_single", benefit: "non_uc" })).toMatch(/starts with 2.*another benefit.*\(13\.06, 13\.16\)$/);
  });

  it("accepts a purchase order that agrees with its route and benefit", () => {
    expect(purchaseOrderRouteProblem({ regime: "uc", route: "prap_two_stage", benefit: "uc" })).toBeNull();
    expect(purchaseOrderRouteProblem({ regime: "non_uc", route: "prap_single", benefit: null })).toBeNull();
    expect(purchaseOrderRouteProblem({ regime: "uc", route: "prap_single", benefit: null })).toBeNull();
  });
});
