import { describe, expect, it } from "vitest";
import { clockFactsFor, type CaseClockRecord } from "@/lib/domain/case-clock-facts";

/** lib/domain/case-clock-facts.ts: the clock facts of a case record, with `closed` and `isScr` derived. */
describe("the clock facts of a case record", () => {
  const record: CaseClockRecord = {
    ruleset: "ses_2016_uc",
    nation: "scotland",
    state: "accepted",
    restrictionTier: "none",
    referralDate: "2026-11-02",
    referralReceivedOn: "2026-11-03",
    uc452ReceivedOn: "2026-11-04",
    ucpr1ReceivedOn: "2026-11-05",
    spocChasedOn: "2026-11-06",
    ucpr1DuplicateRequestedOn: "2026-11-09",
    welcomeCallOn: "2026-11-10",
    firstMetOn: "2026-11-11",
    startedOn: "2026-11-12",
    endedOn: "2026-11-13",
    exitNoticeSentOn: "2026-11-16",
    backOutEmailAt: "2026-11-17T09:00:00.000Z",
    cancelledAt: "2026-11-18T10:00:00.000Z",
  };

  it("copies every fact of the record, each distinct, without the state and the restriction tier", () => {
    const { state, restrictionTier, ...facts } = record;
    expect(clockFactsFor(record)).toEqual({ ...facts, closed: false, isScr: false });
    expect(Object.keys(clockFactsFor(record))).not.toContain("state");
    expect(Object.keys(clockFactsFor(record))).not.toContain("restrictionTier");
    expect([state, restrictionTier]).toEqual(["accepted", "none"]);
  });

  it("marks an ended case closed and an SCR case as SCR (docs/rules/decisions.md, SCR record and clock)", () => {
    expect(clockFactsFor({ ...record, state: "completed" }).closed).toBe(true);
    expect(clockFactsFor({ ...record, restrictionTier: "scr" }).isScr).toBe(true);
    expect(clockFactsFor({ ...record, restrictionTier: "mappa" }).isScr).toBe(false);
  });
});
