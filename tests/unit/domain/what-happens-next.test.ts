import { describe, expect, it } from "vitest";
import { whatHappensNext } from "@/lib/domain/lifecycle/steps/what-happens-next";

const CASE = "3b2f8a5e-1c1d-4f7e-8d8a-0d1f2e3a4b5c";

describe("what happens next after a lifecycle step (the case page's success banner)", () => {
  it("after early leaving on a 2016 UC case: send the UC452 part 8a to the UC Service Centre (13.21, 13.36)", () => {
    const next = whatHappensNext("record-early-leaving", { caseId: CASE, ruleset: "ses_2016_uc", state: "left_early", restrictionTier: "none" });
    expect(next?.text).toContain("send the UC452 part 8a to the UC Service Centre");
    expect(next?.link).toEqual({ href: `/cases/${CASE}/forms/uc452/part_8a/email`, text: "Send the UC452 part 8a to the UC Service Centre" });
  });

  it("after completion on a 2017 case: send the Customer Exit Tracker to the DEA or Work Coach (3.16)", () => {
    const next = whatHappensNext("record-completion", { caseId: CASE, ruleset: "ses_2017", state: "completed", restrictionTier: "none" });
    expect(next?.link?.href).toBe(`/cases/${CASE}/forms/exit-tracker`);
  });

  it("after the Initial Assessment recommends a strand: email the UC452 part 6 (13.21)", () => {
    const next = whatHappensNext("record-assessment-recommended", { caseId: CASE, ruleset: "ses_2016_uc", state: "recommended", restrictionTier: "mappa" });
    expect(next?.link?.href).toBe(`/cases/${CASE}/forms/uc452/part_6/email`);
  });

  it("says nothing for an SCR case (clerical, its SL2 pages say what to return) or an unknown step", () => {
    expect(whatHappensNext("record-early-leaving", { caseId: CASE, ruleset: "ses_2017", state: "left_early", restrictionTier: "scr" })).toBeNull();
    expect(whatHappensNext("no-such-step", { caseId: CASE, ruleset: "ses_2017", state: "started", restrictionTier: "none" })).toBeNull();
  });
});
