import { describe, expect, it } from "vitest";
import { accessLogActionLabel, restrictionChangeSummary } from "../../../lib/domain/access-log-labels";
import { changeRestrictionSchema, recordMappaContactSchema, recordMappaJReceivedSchema, recordMappaRestrictionsSchema } from "../../../lib/domain/forms/mappa-forms";

const caseId = "0b7a3c52-6a1e-4d52-9a57-3f0a1c2d4e5f";

describe("MAPPA annex forms (13.59, 13.68–13.70)", () => {
  it("records restrictions with the date they were phoned through, as an ISO date", () => {
    const parsed = recordMappaRestrictionsSchema.parse({
      caseId,
      annexVersion: "0",
      restrictions: " No home visits ",
      "restrictionsPhonedOn-day": "3",
      "restrictionsPhonedOn-month": "Nov",
      "restrictionsPhonedOn-year": "2026",
    });
    expect(parsed).toMatchObject({ annexVersion: 0, restrictions: "No home visits", restrictionsPhonedOn: "2026-11-03" });
  });

  it("requires the restrictions and a real date, with GOV.UK messages", () => {
    const result = recordMappaRestrictionsSchema.safeParse({ caseId, annexVersion: "1", restrictions: "", "restrictionsPhonedOn-day": "31", "restrictionsPhonedOn-month": "2", "restrictionsPhonedOn-year": "2026" });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((issue) => issue.message);
    expect(messages).toContain("Enter the restrictions the JCP nominated officer gave");
    expect(messages.some((message) => /must be a real date/.test(message))).toBe(true);
  });

  it("needs the Track and Trace number for a MAPPA J receipt (secure post, 13.69)", () => {
    const result = recordMappaJReceivedSchema.safeParse({ caseId, annexVersion: "1", "receivedOn-day": "1", "receivedOn-month": "11", "receivedOn-year": "2026", trackingNumber: " ", counterparty: "JCP" });
    expect(result.success).toBe(false);
  });

  // The date the details were given is now required too (docs/rules/restricted-cases.md: kept "with the date the contact details were given").
  const given = { "contactGivenOn-day": "20", "contactGivenOn-month": "11", "contactGivenOn-year": "2026" };
  it("needs a telephone number or an address for contact details, and the date they were given (13.70)", () => {
    expect(recordMappaContactSchema.safeParse({ caseId, annexVersion: "1", contactTelephone: "", contactAddress: "", ...given }).success).toBe(false);
    expect(recordMappaContactSchema.parse({ caseId, annexVersion: "1", contactTelephone: "", contactAddress: "1 High Street", ...given })).toMatchObject({
      contactTelephone: null,
      contactAddress: "1 High Street",
      contactGivenOn: "2026-11-20",
    });
    expect(recordMappaContactSchema.safeParse({ caseId, annexVersion: "1", contactAddress: "1 High Street" }).success).toBe(false);
    expect(recordMappaContactSchema.safeParse({ caseId, annexVersion: "1", contactEmail: "not-an-email", ...given }).success).toBe(false);
  });

  it("refuses a restriction change without a reason, to an unknown tier, or with an extra restricted key (AC-04, AC-06)", () => {
    expect(changeRestrictionSchema.safeParse({ caseId, version: "2", tier: "mappa", reason: "JCP phoned" }).success).toBe(true);
    expect(changeRestrictionSchema.safeParse({ caseId, version: "2", tier: "mappa", reason: " " }).success).toBe(false);
    expect(changeRestrictionSchema.safeParse({ caseId, version: "2", tier: "secret", reason: "x" }).success).toBe(false);
    expect(changeRestrictionSchema.safeParse({ caseId, version: "2", tier: "none", reason: "x", restricted: "false" }).success).toBe(false);
  });
});

describe("the access log's words (LG-01)", () => {
  it("names known actions and shows unknown ones by their name, so nothing is hidden", () => {
    expect(accessLogActionLabel("mappa_annex.read")).toBe("Viewed the MAPPA annex");
    expect(accessLogActionLabel("sl2.page_1_returned")).toBe("sl2 page 1 returned");
  });

  it("summarises a restriction change as before → after", () => {
    expect(restrictionChangeSummary({ restrictionTier: "none" }, { restrictionTier: "mappa" })).toBe("not restricted → MAPPA");
    expect(restrictionChangeSummary(null, { state: "started" })).toBeNull();
  });
});
