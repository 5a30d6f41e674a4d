import { describe, expect, it } from "vitest";
import { changeSettingSchema } from "@/lib/domain/forms/settings-forms";
import { SETTING_KEYS, parseSettingInput, settingDisplayText, settingInputKind } from "@/lib/domain/settings";

/** Settings are edited generically from their SETTINGS entry (docs/rules/reasons-and-settings.md: settings). */
describe("a setting typed by an administrator", () => {
  it("every setting has an input kind drawn from its default, so each can be edited with no form of its own", () => {
    for (const key of SETTING_KEYS) expect(["number", "boolean"]).toContain(settingInputKind(key));
    expect(settingInputKind("deadline.countDayZero")).toBe("boolean");
    expect(settingDisplayText("deadline.countDayZero", true)).toBe("Yes");
  });

  it("passes through the setting's own schema: the unable-to-contact threshold is 1 to 20 (3.08: usually 3)", () => {
    expect(parseSettingInput("contact.unableToContactAttempts", " 4 ")).toEqual({ ok: true, value: 4 });
    expect(parseSettingInput("contact.unableToContactAttempts", "0")).toMatchObject({ ok: false, message: expect.stringMatching(/whole number from 1 to 20/) });
    expect(parseSettingInput("contact.unableToContactAttempts", "2.5")).toMatchObject({ ok: false });
    expect(parseSettingInput("contact.unableToContactAttempts", "")).toMatchObject({ ok: false });
  });

  it("a yes/no setting takes only yes or no", () => {
    expect(parseSettingInput("deadline.countDayZero", "true")).toEqual({ ok: true, value: true });
    expect(parseSettingInput("deadline.countDayZero", "maybe")).toMatchObject({ ok: false, message: expect.stringMatching(/Select yes or no/) });
  });

  it("refuses a key that is not a setting and extra fields (AC-04)", () => {
    expect(changeSettingSchema.safeParse({ key: "no.such", value: "1", shown: "1" }).success).toBe(false);
    expect(changeSettingSchema.safeParse({ key: "deadline.dueSoonWorkingDays", value: "1", shown: "3", extra: "x" }).success).toBe(false);
  });
});
