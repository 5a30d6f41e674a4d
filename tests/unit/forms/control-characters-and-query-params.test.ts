import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emailAddress, optionalText, recordVersion, requiredText } from "@/lib/domain/forms/fields";
import { textField } from "@/lib/domain/lifecycle/step-form";
import { enumParam, pageParam } from "@/lib/domain/query-params";
import { controlCharacterErrors } from "@/lib/forms/parse-form";

const CONTROL = fc.constantFrom("\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F");
const withControl = fc.tuple(fc.string({ maxLength: 20 }), CONTROL, fc.string({ maxLength: 20 })).map(([before, control, after]) => `${before}${control}${after}`);

describe("control characters in text fields get a field error (IV-01)", () => {
  it("refuses NUL and other control characters in every kind of text field, with a GOV.UK-style message (IV-01)", () => {
    const fields = [requiredText("the note", 10_000), optionalText("the reason", 500), emailAddress, textField("Notes", { max: 500 }).schema];
    fc.assert(
      fc.property(withControl, (value) => {
        for (const field of fields) {
          const parsed = field.safeParse(value);
          expect(parsed.success).toBe(false);
        }
      }),
    );
    const parsed = requiredText("the note", 100).safeParse("before\u0000after");
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0].message).toBe("The note must not include hidden control characters. Retype it without them");
  });

  it("keeps tabs and new lines, which people type (IV-01)", () => {
    expect(requiredText("the note", 100).parse("line one\r\nline\ttwo")).toBe("line one\r\nline\ttwo");
  });

  it("finds a control character in any posted field, the chain's safety net (IV-01)", () => {
    expect(controlCharacterErrors({ note: "fine", other: ["ok", "bad\u0000"] })).toEqual({ other: "This answer must not include hidden control characters. Retype it without them" });
    expect(controlCharacterErrors({ note: "fine\nstill fine" })).toBeNull();
  });

  it("refuses a version too large for the database (IV-01)", () => {
    expect(recordVersion.safeParse("99999999999999999999").success).toBe(false);
    expect(recordVersion.safeParse("1e308").success).toBe(false);
    expect(recordVersion.parse("7")).toBe(7);
  });
});

describe("query parameters are parsed with zod and fall back (IV-01)", () => {
  it("turns any page that is not a sensible whole number into page 1 (IV-01)", () => {
    for (const bad of ["1e308", "99999999999999999999", "-1", "0", "1.5", "two", "", " 3", "\u00002", undefined, ["x", "2"]]) {
      expect(pageParam.parse(bad), String(bad)).toBe(1);
    }
    expect(pageParam.parse("3")).toBe(3);
    expect(pageParam.parse(["4", "5"])).toBe(4);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(undefined)), (value) => {
        const page = pageParam.parse(value);
        expect(Number.isSafeInteger(page) && page >= 1 && page <= 100_000).toBe(true);
      }),
    );
  });

  it("keeps a view or sort to the allowed words (IV-01)", () => {
    const view = enumParam(["mine", "open"] as const, "mine");
    expect(view.parse("open")).toBe("open");
    expect(view.parse("OPEN")).toBe("mine");
    expect(view.parse(["open", "mine"])).toBe("open");
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(["mine", "open"]).toContain(view.parse(value));
      }),
    );
  });
});
