import { describe, expect, it } from "vitest";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { actionSlug, lifecycleFormSchema } from "@/lib/domain/forms/lifecycle-forms";
import { availableActions, checkTransition } from "@/lib/domain/lifecycle/check-transition";
import type { LifecycleSnapshot } from "@/lib/domain/lifecycle/snapshot";
import { stepFor } from "@/lib/domain/lifecycle/steps";
import { can } from "@/lib/domain/permissions";
import { scrMarking, scrMarkingOverrideProblem } from "@/lib/domain/scr/sl2";

const TODAY: IsoDate = "2016-10-20";
const NOW = new Date("2016-10-20T10:00:00Z");

function scr(overrides: Partial<LifecycleSnapshot> = {}): LifecycleSnapshot {
  return {
    route: "scr_clerical",
    ruleset: "ses_2016_uc",
    state: "referred",
    restrictionTier: "scr",
    referralDate: "2016-10-03",
    startedOn: null,
    firstMetOn: null,
    backOutEmailAt: null,
    hasStrandReferral: false,
    provisionFull: null,
    failedContactAttempts: 0,
    ...overrides,
  };
}

describe("SCR lifecycle (docs/rules/restricted-cases.md \"SCR lifecycle\")", () => {
  const writes = stepFor("record_start").page!.writes;

  it("meets the meeting clock when the start is recorded at initial engagement with no meeting recorded (13.74, 3.40)", () => {
    expect(writes.case!({ startedOn: "2016-10-10" }, NOW, scr())).toEqual({ dates: { startedOn: "2016-10-10", firstMetOn: "2016-10-10" } });
  });

  it("keeps an earlier first meeting, and sets no meeting for a PRaP case's start (13.74)", () => {
    expect(writes.case!({ startedOn: "2016-10-10" }, NOW, scr({ state: "recommended", firstMetOn: "2016-10-05" }))).toEqual({ dates: { startedOn: "2016-10-10" } });
    const prap = scr({ route: "prap_two_stage", restrictionTier: "none", state: "accepted" });
    expect(writes.case!({ startedOn: "2016-10-10" }, NOW, prap)).toEqual({ dates: { startedOn: "2016-10-10" } });
  });

  it("lets an SCR case that never starts be closed, before it starts and never after (13.74, 3.40)", () => {
    for (const state of ["referred", "assessment_booked", "recommended"] as const) {
      expect(availableActions(scr({ state }))).toContain("close_scr_not_engaged");
      const check = checkTransition(scr({ state }), "close_scr_not_engaged", { outcome: "never_engaged", reason: "No reply to three letters" }, { today: TODAY, now: NOW });
      expect(check).toMatchObject({ ok: true, to: "cancelled", paragraph: "13.74" });
    }
    expect(availableActions(scr({ state: "started", startedOn: "2016-10-10" }))).not.toContain("close_scr_not_engaged");
    expect(availableActions(scr({ ruleset: "ses_2017" }))).toContain("close_scr_not_engaged");
  });

  it("offers the closure on no case that is not SCR: PRaP cases are rejected or cancelled in PRaP (13.33, 13.34)", () => {
    const prap = scr({ route: "prap_two_stage", restrictionTier: "none" });
    expect(availableActions(prap)).not.toContain("close_scr_not_engaged");
    expect(checkTransition(prap, "close_scr_not_engaged", { outcome: "never_started", reason: "x" }, { today: TODAY, now: NOW }).ok).toBe(false);
  });

  it("is a nominated officer's step only (13.77, 3.43)", () => {
    const { permission } = stepFor("close_scr_not_engaged");
    expect(can(["nominated_officer"], permission)).toBe(true);
    for (const role of ["caseworker", "manager", "administrator"] as const) expect(can([role], permission)).toBe(false);
  });

  it("needs why and the reason in the officer's own words", () => {
    const schema = lifecycleFormSchema("close_scr_not_engaged");
    const base = { caseId: "5b0c4ac4-6c4a-4f4b-9f2f-0d6e2a0f0a11", version: "3" };
    const missing = schema.safeParse({ ...base, reason: "  " });
    expect(missing.success).toBe(false);
    const messages = missing.error!.issues.map((issue) => issue.message);
    expect(messages).toEqual(expect.arrayContaining(["Select why the case is closing", "Enter the reason for closing the case"]));
    expect(schema.parse({ ...base, outcome: "never_started", reason: " SL2 withdrawn by JCP " }).input).toEqual({ outcome: "never_started", reason: "SL2 withdrawn by JCP" });
    expect(actionSlug("close_scr_not_engaged")).toBe("close-scr-not-engaged");
  });
});

describe("the SCR marking follows the case's ruleset (13.77, 3.43)", () => {
  it("marks Chapter 13 cases 'SCR participant' and Chapter 3 cases 'SCR customer'", () => {
    expect(scrMarking("ses_2016_uc")).toBe("SCR participant");
    expect(scrMarking("ses_2017")).toBe("SCR customer");
  });

  it("uses the nominated officer's override where one is recorded", () => {
    expect(scrMarking("ses_2016_uc", "scr_customer")).toBe("SCR customer");
    expect(scrMarking("ses_2017", "nonsense")).toBe("SCR customer");
  });

  it("lets the marking be overridden only where the case's ruleset was overridden, and only with a reason", () => {
    // An SL2 received in 2026 gives Chapter 3; a case still on Chapter 13 had its ruleset overridden.
    expect(scrMarkingOverrideProblem({ ruleset: "ses_2017", sl2ReceivedOn: "2026-11-20", reason: "JCP's form says participant" })).toMatch(/follows the case’s ruleset/);
    expect(scrMarkingOverrideProblem({ ruleset: "ses_2016_uc", sl2ReceivedOn: "2026-11-20", reason: " " })).toMatch(/reason/);
    expect(scrMarkingOverrideProblem({ ruleset: "ses_2016_uc", sl2ReceivedOn: "2026-11-20", reason: "Contract extension letter" })).toBeNull();
    expect(scrMarkingOverrideProblem({ ruleset: "ses_2016_uc", sl2ReceivedOn: "2017-08-31", reason: "x" })).not.toBeNull();
  });
});
