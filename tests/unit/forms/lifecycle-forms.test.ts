import { describe, expect, it } from "vitest";
import {
  actionFromSlug,
  actionSlug,
  IRREVERSIBLE_ACTIONS,
  LIFECYCLE_FORM_ACTIONS,
  lifecycleFormSchema,
  postedFieldNames,
  type LifecycleFormAction,
} from "@/lib/domain/forms/lifecycle-forms";
import { ukInstant } from "@/lib/domain/lifecycle/step-form";
import { rejectionReasonCode } from "@/lib/domain/lifecycle/steps/reject";
import { fieldErrorsFrom } from "@/lib/forms/parse-form";

const ID = "3F0E8F6A-5A7C-4C56-9A8E-0C1D2E3F4A5B";
const base = { caseId: ID, version: "3" };
const date = (name: string, day: string, month: string, year: string) => ({ [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year });

function parse<A extends LifecycleFormAction>(action: A, post: Record<string, string>) {
  const result = lifecycleFormSchema(action).safeParse({ ...base, ...post });
  return result.success ? { ok: true as const, data: result.data } : { ok: false as const, errors: fieldErrorsFrom(result.error) };
}

describe("lifecycle forms", () => {
  // Changed on purpose: the acknowledgement asks when it happened (docs/rules/decisions.md: business dates).
  it("parses a step with only its business date into the case, its version, an empty input and when it happened", () => {
    expect(parse("acknowledge", date("happenedOn", "24", "11", "2026"))).toEqual({
      ok: true,
      data: { caseId: ID.toLowerCase(), version: 3, input: {}, happened: { on: "2026-11-24", time: null } },
    });
    const missing = parse("acknowledge", date("happenedOn", "", "", ""));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors.happenedOn).toBe("Enter the date you acknowledged the referral in PRaP");
  });

  it("asks the PRaP cancellation after a back-out for its date and UK time: the 24 hours run to it (13.35, 3.15)", () => {
    expect(postedFieldNames("cancel_after_back_out")).toEqual(["happenedOn-day", "happenedOn-month", "happenedOn-year", "happenedTime"]);
    expect(parse("cancel_after_back_out", { ...date("happenedOn", "24", "11", "2026"), happenedTime: "9.05" })).toMatchObject({
      ok: true,
      data: { input: {}, happened: { on: "2026-11-24", time: "09:05" } },
    });
  });

  it("refuses unknown fields (AC-04)", () => {
    const result = parse("acknowledge", { state: "completed" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.form).toMatch(/not allowed/);
  });

  // Changed on purpose: completing a UC452 part asks the date it was completed (docs/rules/decisions.md: business dates).
  it("turns GOV.UK date parts into ISO dates for the Initial Assessment outcome, with the date part 6 was completed", () => {
    const result = parse("record_assessment_recommended", {
      ...date("happenedOn", "25", "11", "2026"),
      ...date("heldOn", "24", "11", "2026"),
      strand: "sessb",
      ...date("anticipatedStartOn", "1", "Dec", "2026"),
      ...date("anticipatedEndOn", "1", "6", "2027"),
    });
    expect(result).toEqual({
      ok: true,
      data: {
        caseId: ID.toLowerCase(),
        version: 3,
        input: { heldOn: "2026-11-24", strand: "sessb", anticipatedStartOn: "2026-12-01", anticipatedEndOn: "2027-06-01" },
        happened: { on: "2026-11-25", time: null },
      },
    });
  });

  it("gives GOV.UK messages keyed by the field for missing or impossible answers", () => {
    const result = parse("record_assessment_recommended", { ...date("heldOn", "31", "2", "2026"), ...date("anticipatedStartOn", "1", "", "2026") });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.heldOn).toBe("Date of the Initial Assessment must be a real date");
      expect(result.errors.strand).toMatch(/^Select the strand/);
      expect(result.errors.anticipatedStartOn).toBe("Anticipated start date must include a month");
      expect(result.errors.anticipatedEndOn).toBe("Enter the anticipated end date");
    }
  });

  // Changed on purpose: part 7 completed has its business date (docs/rules/decisions.md: business dates).
  it("lets the SPoC call date be blank (the state machine decides whether it is needed) and reads the discussion tick", () => {
    expect(parse("record_assessment_not_suitable", { ...date("happenedOn", "24", "11", "2026"), ...date("heldOn", "24", "11", "2026"), ...date("spocPhonedOn", "", "", "") })).toMatchObject({
      ok: true,
      data: { input: { heldOn: "2026-11-24", fullyDiscussedWithClaimant: false, spocPhonedOn: null } },
    });
    expect(
      parse("record_assessment_not_suitable", { ...date("happenedOn", "25", "11", "2026"), ...date("heldOn", "24", "11", "2026"), fullyDiscussedWithClaimant: "yes", ...date("spocPhonedOn", "25", "11", "2026") }),
    ).toMatchObject({ ok: true, data: { input: { fullyDiscussedWithClaimant: true, spocPhonedOn: "2026-11-25" } } });
  });

  // Changed on purpose: completing a UC452 part asks the date it was completed (docs/rules/decisions.md: business dates).
  it("needs the date the exit form was completed, the leaving date and a reason for early leaving", () => {
    const result = parse("record_early_leaving", { ...date("happenedOn", "", "", ""), ...date("leftOn", "", "", "") });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ happenedOn: "Enter the date you completed the exit form", leftOn: "Enter the date they left", reasonCode: "Select the reason they left early" });
    expect(parse("record_early_leaving", { ...date("happenedOn", "23", "11", "2026"), ...date("leftOn", "20", "11", "2026"), reasonCode: "found_work" })).toMatchObject({
      ok: true,
      data: { input: { leftOn: "2026-11-20", reasonCode: "found_work" }, happened: { on: "2026-11-23", time: null } },
    });
  });

  it("ignores the line describing the error unless the reason is Other (a conditional reveal): too long text left under Other neither refuses nor is kept", () => {
    const on = date("happenedOn", "24", "11", "2026");
    const result = parse("reject", { ...on, reason: "did_not_attend_assessment", errorDescription: "x".repeat(300), ...date("spocInformedOn", "24", "11", "2026") });
    expect(result).toMatchObject({ ok: true, data: { input: { reason: "did_not_attend_assessment" } } });
    if (result.ok) expect(result.data.input).not.toHaveProperty("errorDescription");
  });

  // Changed on purpose: every recorded event asks its business date (docs/rules/decisions.md); "Other" needs a line describing the error, and a 3.08 reason the
  // DEA or Work Coach's name and how they were contacted, besides their answer and the date.
  it("maps a rejection: in error is reason Other with a line; a 3.08 reason needs the DEA or Work Coach's answer, name, date and how (3.08, 3.13)", () => {
    const on = date("happenedOn", "24", "11", "2026");
    const blankDate = { ...on, ...date("workCoachContactedOn", "", "", "") };
    const noLine = parse("reject", { reason: "other", ...blankDate });
    expect(noLine.ok).toBe(false);
    if (!noLine.ok) expect(Object.keys(noLine.errors)).toEqual(["errorDescription"]);
    const other = parse("reject", { reason: "other", errorDescription: "  Wrong provider  ", ...blankDate });
    expect(other).toMatchObject({ ok: true, data: { input: { reason: "other", errorDescription: "Wrong provider" } } });
    if (other.ok) expect(rejectionReasonCode(other.data.input)).toBe("other");

    const missing = parse("reject", { reason: "unable_to_contact", ...blankDate });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(Object.keys(missing.errors)).toEqual(["workCoachAgreed", "workCoachName", "workCoachContactedOn", "workCoachContactMethod"]);

    const suitable = parse("reject", {
      ...on,
      reason: "unable_to_contact",
      workCoachAgreed: "yes",
      workCoachName: "Priya Shah",
      workCoachContactMethod: "email",
      ...date("workCoachContactedOn", "20", "11", "2026"),
    });
    expect(suitable).toMatchObject({
      ok: true,
      data: {
        input: {
          reason: "customer_no_longer_suitable",
          suitabilityReason: "unable_to_contact",
          workCoachAgreed: true,
          workCoachContactedOn: "2026-11-20",
          workCoachName: "Priya Shah",
          workCoachContactMethod: "email",
        },
      },
    });
    if (suitable.ok) expect(rejectionReasonCode(suitable.data.input)).toBe("unable_to_contact");

    expect(parse("reject", { reason: "because" }).ok).toBe(false);
  });

  // Changed on purpose: completing a UC452 part asks the date it was completed (docs/rules/decisions.md: business dates).
  it("names the posted fields of each action, and round-trips every action through its URL slug", () => {
    expect(postedFieldNames("record_early_leaving")).toEqual(["happenedOn-day", "happenedOn-month", "happenedOn-year", "leftOn-day", "leftOn-month", "leftOn-year", "reasonCode"]);
    for (const action of LIFECYCLE_FORM_ACTIONS) expect(actionFromSlug(actionSlug(action))).toBe(action);
    expect(actionFromSlug("accept-introduction")).toBeNull();
    expect(actionFromSlug("nonsense")).toBeNull();
  });

  it("asks for check-your-answers before every step that closes the referral", () => {
    for (const action of ["reject", "cancel_did_not_start", "record_completion", "record_early_leaving", "record_assessment_not_suitable"] as const) {
      expect(IRREVERSIBLE_ACTIONS.has(action)).toBe(true);
    }
    expect(IRREVERSIBLE_ACTIONS.has("record_start")).toBe(false);
  });

  it("reads POST's back-out email time as UK time, in GMT and in BST (13.35, 3.15)", () => {
    expect(ukInstant("2026-11-24", "09:30")).toBe("2026-11-24T09:30:00.000Z");
    expect(ukInstant("2026-06-01", "14:30")).toBe("2026-06-01T13:30:00.000Z");
    expect(parse("record_back_out_email", { ...date("receivedOn", "1", "6", "2026"), receivedTime: "9.05" })).toMatchObject({
      ok: true,
      data: { input: { receivedAt: "2026-06-01T08:05:00.000Z" } },
    });
    const bad = parse("record_back_out_email", { ...date("receivedOn", "1", "6", "2026"), receivedTime: "25:00" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.receivedTime).toMatch(/like 14:30/);
  });
});
