import { describe, expect, it } from "vitest";
import { DateInput } from "@/components/forms/DateInput";
import { byId, describedByIds, hasClass, render, tags, textOf } from "./html";

describe("DateInput", () => {
  it("names the parts <name>-day, -month and -year and gives the day input the field id", () => {
    const html = render(<DateInput name="referralDate" label="Referral date" />);
    const inputs = tags(html, "input");
    expect(inputs.map((input) => input.attrs.name)).toEqual(["referralDate-day", "referralDate-month", "referralDate-year"]);
    expect(inputs.map((input) => input.attrs.id)).toEqual(["referralDate", "referralDate-month", "referralDate-year"]);
    expect(tags(html, "label").map((label) => label.attrs.for)).toEqual(["referralDate", "referralDate-month", "referralDate-year"]);
    expect(tags(html, "label").map((label) => textOf(html, label))).toEqual(["Day", "Month", "Year"]);
    expect(inputs.every((input) => input.attrs.type === "text" && input.attrs.inputmode === "numeric")).toBe(true);
    // The id is the day input's, so no other element may carry it.
    expect(tags(html).filter((tag) => tag.attrs.id === "referralDate")).toHaveLength(1);
  });

  it("is a fieldset with role=group and the question as legend", () => {
    const html = render(<DateInput name="startDate" label="When did they start?" isPageHeading />);
    const fieldset = tags(html, "fieldset")[0];
    expect(fieldset.attrs.role).toBe("group");
    expect(html).toContain('<h1 class="govuk-fieldset__heading">When did they start?</h1>');
  });

  it("refills each part from the echoed values", () => {
    const html = render(<DateInput name="startDate" label="Start date" defaultValue={{ day: "31", month: "2", year: "2025" }} />);
    expect(tags(html, "input").map((input) => input.attrs.value)).toEqual(["31", "2", "2025"]);
  });

  it("shows a stored ISO date as GOV.UK parts without leading zeros", () => {
    const html = render(<DateInput name="startDate" label="Start date" defaultValue="2025-03-07" />);
    expect(tags(html, "input").map((input) => input.attrs.value)).toEqual(["7", "3", "2025"]);
  });

  it("links hint and error from the fieldset and marks all parts when the whole date is wrong", () => {
    const html = render(<DateInput name="exitDate" label="Exit date" hint="For example, 27 3 2025" error="Exit date must be a real date" />);
    expect(describedByIds(tags(html, "fieldset")[0])).toEqual(["exitDate-hint", "exitDate-error"]);
    expect(textOf(html, byId(html, "exitDate-error"))).toBe("Error: Exit date must be a real date");
    expect(tags(html, "input").every((input) => hasClass(input, "govuk-input--error"))).toBe(true);
  });

  it("marks only the parts in error when told which", () => {
    const html = render(<DateInput name="exitDate" label="Exit date" error="Exit date must include a year" errorParts={["year"]} />);
    expect(tags(html, "input").map((input) => hasClass(input, "govuk-input--error"))).toEqual([false, false, true]);
  });

  it("marks no part without an error", () => {
    const html = render(<DateInput name="exitDate" label="Exit date" errorParts={["year"]} />);
    expect(html).not.toContain("govuk-input--error");
    expect(tags(html, "fieldset")[0].attrs["aria-describedby"]).toBeUndefined();
  });

  it("uses the fixed GOV.UK widths and bday autocomplete tokens", () => {
    const html = render(<DateInput name="dob" label="Date of birth" autoComplete="bday" />);
    const inputs = tags(html, "input");
    expect(inputs.map((input) => input.attrs.autocomplete)).toEqual(["bday-day", "bday-month", "bday-year"]);
    expect(inputs.map((input) => ["govuk-input--width-2", "govuk-input--width-4"].find((width) => hasClass(input, width)))).toEqual([
      "govuk-input--width-2",
      "govuk-input--width-2",
      "govuk-input--width-4",
    ]);
  });
});
