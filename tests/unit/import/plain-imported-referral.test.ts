import { describe, expect, it } from "vitest";
import { proposeMapping } from "@/lib/domain/import/import-columns";
import { isPlainImportedReferral, parseImportRow } from "@/lib/domain/import/prap-import-row";

/**
 * Which valid rows the bulk commit may write as a set (docs/decisions/0023-bulk-import-and-expected-referrals.md,
 * "The set-based commit"): a row with anything the intake handles case by case goes one by one.
 */
const TODAY = "2026-12-03";
const HEADERS = ["Purchase order", "Referral ID", "Provision ID", "Referral date", "Forename", "Surname", "NINO", "Address line 1", "Town", "Postcode", "Work coach or DEA", "Work coach name", "Work coach phone", "Work coach email", "MAPPA"];
const mapping = proposeMapping("prap", HEADERS);

function inputOf(overrides: Partial<Record<(typeof HEADERS)[number], string>> = {}) {
  const row: Record<string, string> = {
    "Purchase order": "250000001",
    "Referral ID": "REF-1",
    "Provision ID": "PROV-1",
    "Referral date": "23/11/2026",
    Forename: "Alex",
    Surname: "Plain",
    NINO: "JB123456C",
    "Address line 1": "1 High Street",
    Town: "Leeds",
    Postcode: "LS1 1AA",
    "Work coach or DEA": "Work Coach",
    "Work coach name": "Sam Coach",
    "Work coach phone": "0113 496 0000",
    "Work coach email": "sam.coach@dwp.example",
    MAPPA: "",
    ...overrides,
  };
  const parsed = parseImportRow(TODAY, HEADERS.map((header) => row[header]), mapping, HEADERS, "00000000-0000-4000-8000-000000000001", null);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.input;
}

describe("a plain imported referral", () => {
  it("is a valid row with nothing the intake asks about", () => {
    expect(isPlainImportedReferral(inputOf())).toBe(true);
  });

  it("is not one with a MAPPA marker (13.58), which opens restricted", () => {
    expect(isPlainImportedReferral(inputOf({ MAPPA: "Y", "Address line 1": "", Town: "", Postcode: "" }))).toBe(false);
  });

  it("is not one with a re-referral justification, a chosen ruleset, a confirmed late Initial Assessment, jobs or qualifications", () => {
    const plain = inputOf();
    expect(isPlainImportedReferral({ ...plain, reReferralJustification: "Moved back to the area" })).toBe(false);
    expect(isPlainImportedReferral({ ...plain, referral: { ...plain.referral, rulesetOverrideReason: "A contract variant" } })).toBe(false);
    expect(isPlainImportedReferral({ ...plain, referral: { ...plain.referral, confirmLateAssessment: true } })).toBe(false);
    expect(isPlainImportedReferral({ ...plain, employmentHistory: [{ sequence: 1, description: "Shop work", startDate: null, endDate: null }] })).toBe(false);
    expect(
      isPlainImportedReferral({ ...plain, qualifications: [{ sequenceNumber: 1, subject: "Maths", level: null, outcome: null, startDate: null, endDate: null }] }),
    ).toBe(false);
  });
});
