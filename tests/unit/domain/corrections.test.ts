import { describe, expect, it } from "vitest";
import { correctionSummary, dateAmendmentProblem, promisesCorrection, type RecordedDates } from "@/lib/domain/corrections/amend";

/** The wording of lib/domain/lifecycle/check-transition.ts's closed-case refusal. */
const CLOSED_CASE_MESSAGE_SAMPLE = "This case is closed: it was cancelled (13.34). Nothing more can be recorded on it; an administrator can correct a mistake with “amend with reason”.";

/** "Amend with reason" (docs/rules/states.md: corrections). */
const recorded: RecordedDates = { referralDate: "2026-11-02", referralReceivedOn: "2026-11-03", startedOn: "2026-11-20", endedOn: null };

describe("correcting a recorded date", () => {
  it("accepts a past date that keeps the dates in order", () => {
    expect(dateAmendmentProblem(recorded, "startedOn", "2026-11-19", "2026-12-03")).toBeNull();
    expect(dateAmendmentProblem(recorded, "referralDate", "2026-11-01", "2026-12-03")).toBeNull();
  });

  it("refuses a date never recorded, the same date, and a future date", () => {
    expect(dateAmendmentProblem(recorded, "endedOn", "2026-11-25", "2026-12-03")).toMatch(/no end or exit date recorded/);
    expect(dateAmendmentProblem(recorded, "startedOn", "2026-11-20", "2026-12-03")).toMatch(/already/);
    expect(dateAmendmentProblem(recorded, "startedOn", "2026-12-04", "2026-12-03")).toMatch(/today or in the past/);
  });

  it("keeps the order: received and started on or after the referral, the referral not after them", () => {
    expect(dateAmendmentProblem(recorded, "startedOn", "2026-11-01", "2026-12-03")).toMatch(/same as or after the referral date/);
    expect(dateAmendmentProblem(recorded, "referralDate", "2026-11-04", "2026-12-03")).toMatch(/cannot be after the date the referral was received/);
    expect(dateAmendmentProblem({ ...recorded, endedOn: "2026-11-25" }, "endedOn", "2026-11-19", "2026-12-03")).toMatch(/same as or after the start date/);
  });
});

describe("what the timeline shows of a correction", () => {
  it("each changed value before → after, and the reason", () => {
    expect(correctionSummary({ startedOn: "2026-11-20" }, { startedOn: "2026-11-19" }, "Typed a day late")).toBe("Start date: Friday 20 November 2026 → Thursday 19 November 2026. Reason: Typed a day late");
    expect(correctionSummary({ state: "started" }, { state: "accepted", undoneEventId: "9", undoneAction: "record_start" }, null)).toBe("State: Started → Accepted");
  });
});

describe("refusals that promise a correction link to it", () => {
  it("recognises the closed-case refusal's promise", () => {
    expect(promisesCorrection(CLOSED_CASE_MESSAGE_SAMPLE)).toBe(true);
    expect(promisesCorrection("That reason is not in the list: ask an administrator")).toBe(false);
    expect(promisesCorrection(undefined)).toBe(false);
  });
});
