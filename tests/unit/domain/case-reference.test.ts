import { describe, expect, it } from "vitest";
import { caseReferenceFromSearch, formatCaseReference } from "@/lib/domain/case-reference";

describe("case references (lib/domain/case-reference.ts)", () => {
  it("numbers ordinary cases SES- and SCR cases SCR-, six digits and more", () => {
    expect(formatCaseReference("ordinary", 42)).toBe("SES-000042");
    expect(formatCaseReference("scr", 7n)).toBe("SCR-000007");
    expect(formatCaseReference("ordinary", 1_000_000)).toBe("SES-1000000");
  });

  it("reads a reference typed loosely in the search box as it is stored", () => {
    expect(caseReferenceFromSearch("ses-000012")).toBe("SES-000012");
    expect(caseReferenceFromSearch("SES 12")).toBe("SES-000012");
    expect(caseReferenceFromSearch("scr4")).toBe("SCR-000004");
    expect(caseReferenceFromSearch("Smith")).toBeNull();
    expect(caseReferenceFromSearch("SES-1234567")).toBeNull();
  });
});
