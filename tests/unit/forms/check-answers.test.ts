import { describe, expect, it } from "vitest";
import { dateAnswer, NOT_GIVEN, optionAnswer, textAnswer } from "@/lib/domain/forms/check-answers";
import { referralIntakeAnswers } from "@/lib/domain/forms/referral-intake-answers";
import { scrCaseAnswers } from "@/lib/domain/forms/scr-case-answers";
import { sroIntroductionAnswers } from "@/lib/domain/forms/sro-introduction-answers";
import { withCheckAnswers } from "@/lib/forms/check-answers-intent";
import type { FormState } from "@/lib/forms/form-state";

/** docs/decisions/0018-check-answers-before-a-case-is-created.md */

const SITE_ID = "6f1c1f4e-3f7a-4a1e-9d47-6b0a8a6b7c11";
const siteName = (id: string) => (id === SITE_ID ? "Leeds Central" : undefined);

/** A snake_case or lower-case code, as stored: never shown on a page. */
const ENUM_LIKE = /\b[a-z]+(_[a-z]+)+\b/;

const PRAP_ANSWERS: Record<string, string> = {
  siteId: SITE_ID,
  purchaseOrderNumber: "200123456",
  "referralDate-day": "13",
  "referralDate-month": "4",
  "referralDate-year": "2017",
  route: "prap_two_stage",
  benefit: "non_uc",
  forename: "Niamh",
  surname: "Gallagher",
  disabled: "not_recorded",
  welshLanguage: "written_and_spoken",
  handoverRole: "disability_employment_adviser",
  job1Description: "Kitchen porter",
  "job1Start-day": "2",
  "job1Start-month": "3",
  "job1Start-year": "2013",
};

describe("check-your-answers rows", () => {
  it("shows a date's three parts as a long date, and blank parts as Not given", () => {
    expect(dateAnswer(PRAP_ANSWERS, "referralDate")).toBe("Thursday 13 April 2017");
    expect(dateAnswer(PRAP_ANSWERS, "warmHandoverOn")).toBe(NOT_GIVEN);
  });

  it("shows an option's words, never its stored value", () => {
    expect(optionAnswer(PRAP_ANSWERS, "handoverRole", [{ value: "disability_employment_adviser", text: "Disability Employment Adviser (DEA)" }])).toBe("Disability Employment Adviser (DEA)");
    expect(textAnswer({ title: "  " }, "title")).toBe(NOT_GIVEN);
  });

  it("the PRaP intake's answers read in words: no enum value reaches the check page", () => {
    const sections = referralIntakeAnswers(PRAP_ANSWERS, siteName);
    const values = sections.flatMap((section) => section.rows.map((row) => row.value));
    for (const value of values) expect(value).not.toMatch(ENUM_LIKE);
    const row = (key: string) => sections.flatMap((section) => section.rows).find((candidate) => candidate.key === key);
    expect(row("Site")?.value).toBe("Leeds Central");
    expect(row("Process")?.value).toBe("Universal Credit, two-stage (Chapter 13, 2016)");
    expect(row("Welsh language")?.value).toBe("Written and spoken");
    expect(row("Most recent job")?.value).toBe("Kitchen porter (from Saturday 2 March 2013 to Not given)");
    expect(row("Qualifications")?.value).toBe(NOT_GIVEN);
  });

  it("every row's Change goes back to a field of the form", () => {
    const fields = [...referralIntakeAnswers(PRAP_ANSWERS, siteName), ...sroIntroductionAnswers({}, siteName), ...scrCaseAnswers({}, siteName)]
      .flatMap((section) => section.rows.map((row) => row.field));
    for (const field of fields) expect(field).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });
});

describe("withCheckAnswers: one form action for the questions and the check page", () => {
  const seen: string[] = [];
  const step = (name: string) => async (_previous: FormState | undefined, formData: FormData): Promise<FormState> => {
    seen.push(`${name}:${[...formData.keys()].join(",")}`);
    return { status: "success", fieldErrors: {}, values: {} };
  };
  const action = withCheckAnswers(step("check"), step("record"));
  const post = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  };

  it("Continue checks and Record records, each without the intent field (their schemas are strict)", async () => {
    seen.length = 0;
    await action(undefined, post({ surname: "Gallagher", intent: "check" }));
    await action(undefined, post({ surname: "Gallagher", intent: "record" }));
    await action(undefined, post({ surname: "Gallagher" }));
    expect(seen).toEqual(["check:surname", "record:surname", "check:surname"]);
  });

  it("Change echoes every answer with the field to focus, and calls neither step", async () => {
    seen.length = 0;
    const state = await action(undefined, post({ surname: "Gallagher", "referralDate-day": "13", intent: "change:referralDate" }));
    expect(seen).toEqual([]);
    expect(state).toEqual({ status: "idle", fieldErrors: {}, values: { surname: "Gallagher", "referralDate-day": "13" }, focus: "referralDate" });
  });

  it("a Change naming something other than a field id is reduced to one", async () => {
    const state = await action(undefined, post({ intent: 'change:x"><script>' }));
    expect(state.focus).toBe("xscript");
  });
});
