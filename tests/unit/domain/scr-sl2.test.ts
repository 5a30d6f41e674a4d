import { describe, expect, it } from "vitest";
import { recordSl2Page1ReturnedSchema, recordSl2ReferralFormReturnedSchema, createScrCaseSchema } from "@/lib/domain/forms/scr-forms";
import { scrMarking, scrRulesetFor, SECURE_RETURN_METHOD_LABELS, sl2ReturnDue } from "@/lib/domain/scr/sl2";

const CASE_ID = "6f1c2a52-8a0e-4a57-9d0b-6a1f2b3c4d5e";

describe("SL2 rules (13.52–13.57, 13.77, 3.30–3.31, 3.43)", () => {
  it("marks 2016 SL2s “SCR participant” (13.77) and 2017 SL2s “SCR customer” (3.43)", () => {
    expect(scrMarking("ses_2016_uc")).toBe("SCR participant");
    expect(scrMarking("ses_2017")).toBe("SCR customer");
  });

  it("follows Chapter 13 for SL2s received before 1 September 2017 and Chapter 3 from then", () => {
    expect(scrRulesetFor("2016-04-01")).toBe("ses_2016_uc");
    expect(scrRulesetFor("2017-08-31")).toBe("ses_2016_uc");
    expect(scrRulesetFor("2017-09-01")).toBe("ses_2017");
  });

  it("offers only secure return methods (13.57): no ordinary post, no plain email", () => {
    const labels = Object.values(SECURE_RETURN_METHOD_LABELS).join(" | ");
    expect(labels).toMatch(/Track and Trace/);
    expect(labels).not.toMatch(/second class|first class|ordinary/i);
    for (const label of Object.values(SECURE_RETURN_METHOD_LABELS).filter((l) => /email/i.test(l))) expect(label).toMatch(/secure/i);
  });

  it("owes page 1 first (13.55), then the referral form once the assessment is done (13.56)", () => {
    expect(sl2ReturnDue({ state: "referred", page1ReturnedOn: null, referralFormReturnedOn: null })).toBe("page_1");
    expect(sl2ReturnDue({ state: "referred", page1ReturnedOn: "2026-11-20", referralFormReturnedOn: null })).toBeNull();
    expect(sl2ReturnDue({ state: "assessment_booked", page1ReturnedOn: "2026-11-20", referralFormReturnedOn: null })).toBeNull();
    expect(sl2ReturnDue({ state: "recommended", page1ReturnedOn: "2026-11-20", referralFormReturnedOn: null })).toBe("referral_form");
    expect(sl2ReturnDue({ state: "started", page1ReturnedOn: "2026-11-20", referralFormReturnedOn: null })).toBe("referral_form");
    expect(sl2ReturnDue({ state: "started", page1ReturnedOn: "2026-11-20", referralFormReturnedOn: "2026-11-23" })).toBeNull();
  });
});

describe("SL2 forms (AC-04, IV-01)", () => {
  const page1 = {
    caseId: CASE_ID,
    version: "3",
    "completedOn-day": "17",
    "completedOn-month": "11",
    "completedOn-year": "2026",
    "returnedOn-day": "18",
    "returnedOn-month": "11",
    "returnedOn-year": "2026",
    method: "tracked_post",
    trackingNumber: "AB123456789GB",
    pages2And3Retained: "yes",
  };

  it("parses a page 1 return", () => {
    const parsed = recordSl2Page1ReturnedSchema.parse(page1);
    expect(parsed).toMatchObject({ completedOn: "2026-11-17", returnedOn: "2026-11-18", method: "tracked_post", trackingNumber: "AB123456789GB" });
  });

  it("needs the Track and Trace number for post, not for secure email (13.48, 13.57)", () => {
    const noTracking = recordSl2Page1ReturnedSchema.safeParse({ ...page1, trackingNumber: "" });
    expect(noTracking.success).toBe(false);
    expect(noTracking.error?.issues.map((issue) => issue.path[0])).toContain("trackingNumber");
    expect(recordSl2ReferralFormReturnedSchema.safeParse({ caseId: CASE_ID, version: "1", "returnedOn-day": "1", "returnedOn-month": "12", "returnedOn-year": "2026", method: "secure_email" }).success).toBe(true);
  });

  it("refuses a method that is not secure, and a page 1 return without pages 2 and 3 kept (13.55)", () => {
    expect(recordSl2Page1ReturnedSchema.safeParse({ ...page1, method: "second_class_post" }).success).toBe(false);
    expect(recordSl2Page1ReturnedSchema.safeParse({ ...page1, pages2And3Retained: undefined }).success).toBe(false);
  });

  it("refuses extra keys such as a restriction flag or a route (AC-04)", () => {
    expect(recordSl2Page1ReturnedSchema.safeParse({ ...page1, restrictionTier: "none" }).success).toBe(false);
    const create = {
      submissionId: CASE_ID,
      siteId: CASE_ID,
      "receivedOn-day": "20",
      "receivedOn-month": "11",
      "receivedOn-year": "2026",
      forename: "Declan",
      surname: "Marsh",
      jcpOfficerName: "Graham Tennant",
    };
    expect(createScrCaseSchema.safeParse(create).success).toBe(true);
    expect(createScrCaseSchema.safeParse({ ...create, route: "prap_single" }).success).toBe(false);
    expect(createScrCaseSchema.safeParse({ ...create, restrictionTier: "none" }).success).toBe(false);
  });
});
