import { describe, expect, it } from "vitest";
import { monthsBefore, retentionCutoffs } from "@/lib/domain/retention";
import { SETTINGS } from "@/lib/domain/settings";

/** Retention classes (docs/security.md DP-02, LG-07). */
describe("retention cut-offs (DP-02, LG-07)", () => {
  it("counts calendar months back, clamping to the end of a shorter month", () => {
    expect(monthsBefore("2028-12-01", 24)).toBe("2026-12-01");
    expect(monthsBefore("2026-03-31", 1)).toBe("2026-02-28");
    expect(monthsBefore("2028-03-31", 1)).toBe("2028-02-29");
    expect(monthsBefore("2026-01-15", 1)).toBe("2025-12-15");
    expect(monthsBefore("2026-01-15", 72)).toBe("2020-01-15");
  });

  it("defaults to closed cases 24 months after closure (DP-02) and audit rows 72 months (6 years), at least 6 months (LG-07)", () => {
    expect(SETTINGS["retention.closedCaseMonths"].default).toBe(24);
    expect(SETTINGS["retention.auditMonths"].default).toBe(72);
    expect(SETTINGS["retention.auditMonths"].schema.safeParse(5).success).toBe(false);
    expect(SETTINGS["retention.auditMonths"].schema.safeParse(6).success).toBe(true);
  });

  it("derives each class's cut-off from today and its setting, never keeping audit less than 6 months (LG-07)", () => {
    expect(retentionCutoffs("2028-12-01", { "retention.closedCaseMonths": 24, "retention.auditMonths": 3, "retention.staffNoticeMonths": 12 })).toEqual({
      closedCasesBefore: "2026-12-01",
      auditBefore: "2028-06-01",
      staffNoticesBefore: "2027-12-01",
    });
  });
});
