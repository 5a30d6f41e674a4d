import { describe, expect, it } from "vitest";
import { shippedCalendar } from "@/lib/calendar/working-day-calendar";
import { SETTINGS, settingValue } from "@/lib/domain/settings";
import { jcpReferralAwaitedUntil, jcpReferralMissing } from "@/lib/domain/sro/jcp-referral-missing";

describe("JCP referral missing (13.49, 3.27; docs/rules/routes.md route 3)", () => {
  const calendar = shippedCalendar();
  // Accepted at the first meeting on Monday 2 November 2026; 10 working days later is Monday 16 November.
  const facts = { state: "introduction_accepted" as const, acceptedOn: "2026-11-02", nation: "england-and-wales" as const };

  it("is awaited for the set number of working days after the introduction was accepted", () => {
    expect(jcpReferralAwaitedUntil(facts, calendar, 10)).toBe("2026-11-16");
    expect(jcpReferralMissing(facts, calendar, "2026-11-16", 10)).toBe(false);
    expect(jcpReferralMissing(facts, calendar, "2026-11-17", 10)).toBe(true);
  });

  it("counts working days in the site's nation: St Andrew's Day is a holiday in Scotland", () => {
    const scotland = { ...facts, nation: "scotland" as const };
    expect(jcpReferralAwaitedUntil(scotland, calendar, 20)).toBe("2026-12-01");
    expect(jcpReferralAwaitedUntil(facts, calendar, 20)).toBe("2026-11-30");
  });

  it("never shows once JCP's referral has come, or before the introduction is accepted", () => {
    for (const state of ["introduced", "referred", "provision_full", "not_eligible"] as const) {
      expect(jcpReferralMissing({ ...facts, state }, calendar, "2027-01-01", 10)).toBe(false);
    }
    expect(jcpReferralMissing({ ...facts, acceptedOn: null }, calendar, "2027-01-01", 10)).toBe(false);
  });

  it("defaults to 10 working days, set by an administrator between 1 and 60", () => {
    expect(SETTINGS["sro.jcpReferralMissingWorkingDays"].default).toBe(10);
    expect(settingValue("sro.jcpReferralMissingWorkingDays", 15)).toBe(15);
    expect(settingValue("sro.jcpReferralMissingWorkingDays", 0)).toBe(10);
    expect(settingValue("sro.jcpReferralMissingWorkingDays", "x")).toBe(10);
  });
});
