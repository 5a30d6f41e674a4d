import { describe, expect, it } from "vitest";
import { lateAnticipatedStartWarning, lateInitialAssessmentWarning, lateUcpr1Flag } from "@/lib/domain/warnings/deadline-warnings";

/** Warnings the guidance implies (docs/rules/clocks.md: warnings before saving). */
describe("deadline warnings", () => {
  it("warns when the agreed Initial Assessment is after the 10-working-day meeting deadline, not on it (13.17)", () => {
    expect(lateInitialAssessmentWarning("2026-12-08", "2026-12-07")).toMatch(/after the deadline to meet within 10 working days.*Monday 7 December 2026 \(13\.17\)/);
    expect(lateInitialAssessmentWarning("2026-12-07", "2026-12-07")).toBeNull();
    expect(lateInitialAssessmentWarning("2026-12-08", null)).toBeNull();
  });

  it("warns when the anticipated start is after the 20-working-day start deadline (13.13)", () => {
    expect(lateAnticipatedStartWarning("2026-12-22", "2026-12-21")).toMatch(/after the start deadline, Monday 21 December 2026.*\(13\.13\)/);
    expect(lateAnticipatedStartWarning("2026-12-21", "2026-12-21")).toBeNull();
  });

  it("flags a UCPR1 received after its 4th working day (13.67)", () => {
    expect(lateUcpr1Flag("2026-11-30", "2026-11-27")).toMatch(/Received late: after Friday 27 November 2026/);
    expect(lateUcpr1Flag("2026-11-27", "2026-11-27")).toBeNull();
    expect(lateUcpr1Flag(null, "2026-11-27")).toBeNull();
  });
});
