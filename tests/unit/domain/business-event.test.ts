import { describe, expect, it } from "vitest";
import { businessEventOf } from "@/lib/domain/lifecycle/business-event";
import { businessDate } from "@/lib/domain/lifecycle/step-form";

/**
 * Business dates (docs/rules/decisions.md: business dates; lib/domain/business-dates.ts): every
 * recorded event has its own date, and time where hours count (13.35, 3.15), apart from when it was keyed.
 */
const clock = { today: "2026-11-24", now: new Date("2026-11-24T15:00:00Z") };
const dated = businessDate("Date you acknowledged the referral in PRaP");
const timed = businessDate("Date you cancelled the referral in PRaP", { time: { label: "Time you cancelled the referral in PRaP", hint: "" } });

describe("the business date of a recorded event", () => {
  it("is the date entered: today's is now, an earlier day's the start of that UK day", () => {
    expect(businessEventOf(dated, { on: "2026-11-24", time: null }, clock, "2026-11-02")).toEqual({ ok: true, event: { on: "2026-11-24", time: null, at: clock.now } });
    expect(businessEventOf(dated, { on: "2026-11-20", time: null }, clock, "2026-11-02")).toMatchObject({ ok: true, event: { at: new Date("2026-11-20T00:00:00Z") } });
  });

  it("defaults to now when the form sent none", () => {
    expect(businessEventOf(dated, null, clock, "2026-11-02")).toEqual({ ok: true, event: { on: "2026-11-24", time: null, at: clock.now } });
  });

  it("is refused in the future or before the referral date, in the one wording", () => {
    expect(businessEventOf(dated, { on: "2026-11-25", time: null }, clock, "2026-11-02")).toEqual({
      ok: false,
      field: "happenedOn",
      message: "Date you acknowledged the referral in PRaP must be today or in the past",
    });
    expect(businessEventOf(dated, { on: "2026-11-01", time: null }, clock, "2026-11-02")).toEqual({
      ok: false,
      field: "happenedOn",
      message: "Date you acknowledged the referral in PRaP must be the same as or after the referral date, Monday 2 November 2026",
    });
  });

  it("keeps the UK time where hours count, GMT or BST as the date says, and refuses a time later than now (13.35, 3.15)", () => {
    expect(businessEventOf(timed, { on: "2026-11-23", time: "09:30" }, clock, null)).toMatchObject({ ok: true, event: { time: "09:30", at: new Date("2026-11-23T09:30:00Z") } });
    expect(businessEventOf(timed, { on: "2026-06-01", time: "09:30" }, { today: "2026-06-01", now: new Date("2026-06-01T12:00:00Z") }, null)).toMatchObject({
      ok: true,
      event: { at: new Date("2026-06-01T08:30:00Z") },
    });
    expect(businessEventOf(timed, { on: "2026-11-24", time: "16:00" }, clock, null)).toEqual({
      ok: false,
      field: "happenedTime",
      message: "Time you cancelled the referral in PRaP must be now or in the past",
    });
  });
});
