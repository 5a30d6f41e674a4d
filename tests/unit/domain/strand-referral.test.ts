import { describe, expect, it } from "vitest";
import { awaitsStrandReferral } from "@/lib/domain/lifecycle/strand-referral";

const recommendedUc = { route: "prap_two_stage", restrictionTier: "none", state: "recommended", strand: "sesmp", hasStrandReferral: false };

describe("awaiting the strand referral (13.25–13.27)", () => {
  it("awaits it on the UC two-stage route once a strand is recommended and none is recorded", () => {
    expect(awaitsStrandReferral(recommendedUc)).toBe(true);
  });
  it("does not once it is recorded, before a recommendation, on the 2017 single route, or for a clerical SCR case (13.53)", () => {
    expect(awaitsStrandReferral({ ...recommendedUc, hasStrandReferral: true })).toBe(false);
    expect(awaitsStrandReferral({ ...recommendedUc, state: "acknowledged", strand: null })).toBe(false);
    expect(awaitsStrandReferral({ ...recommendedUc, route: "prap_single" })).toBe(false);
    expect(awaitsStrandReferral({ ...recommendedUc, restrictionTier: "scr" })).toBe(false);
  });
});
