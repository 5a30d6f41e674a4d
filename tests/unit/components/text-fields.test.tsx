import { describe, expect, it } from "vitest";
import { PasswordInput } from "@/components/forms/PasswordInput";
import { Select } from "@/components/forms/Select";
import { Textarea } from "@/components/forms/Textarea";
import { TextInput } from "@/components/forms/TextInput";
import { byId, describedByIds, hasClass, render, tags, textOf } from "./html";

describe("TextInput", () => {
  it("ties the label to the input, whose id defaults to the name", () => {
    const html = render(<TextInput name="surname" label="Surname" />);
    const [label] = tags(html, "label");
    const input = byId(html, "surname");
    expect(label.attrs.for).toBe("surname");
    expect(input.name).toBe("input");
    expect(input.attrs.name).toBe("surname");
    expect(input.attrs.type).toBe("text");
    expect(input.attrs["aria-describedby"]).toBeUndefined();
    expect(html).not.toContain("govuk-form-group--error");
  });

  it("uses an explicit id for the label, hint and error ids", () => {
    const html = render(<TextInput name="surname" id="participant-surname" label="Surname" hint="As on their ID" error="Enter a surname" />);
    expect(tags(html, "label")[0].attrs.for).toBe("participant-surname");
    expect(describedByIds(byId(html, "participant-surname"))).toEqual(["participant-surname-hint", "participant-surname-error"]);
  });

  it("links hint then error through aria-describedby and prefixes the error with hidden 'Error:'", () => {
    const html = render(<TextInput name="nino" label="National Insurance number" hint="For example, QQ 12 34 56 C" error="Enter a National Insurance number" />);
    const input = byId(html, "nino");
    expect(describedByIds(input)).toEqual(["nino-hint", "nino-error"]);
    expect(textOf(html, byId(html, "nino-hint"))).toBe("For example, QQ 12 34 56 C");
    const error = byId(html, "nino-error");
    expect(error.name).toBe("p");
    expect(hasClass(error, "govuk-error-message")).toBe(true);
    expect(html).toContain('<span class="govuk-visually-hidden">Error:</span> Enter a National Insurance number');
    expect(textOf(html, error)).toBe("Error: Enter a National Insurance number");
    expect(hasClass(input, "govuk-input--error")).toBe(true);
    expect(html).toContain('class="govuk-form-group govuk-form-group--error"');
  });

  it("has only the error in aria-describedby when there is no hint", () => {
    const html = render(<TextInput name="email" label="Email" error="Enter an email address" />);
    expect(describedByIds(byId(html, "email"))).toEqual(["email-error"]);
  });

  it("refills the submitted value and passes autocomplete, spellcheck, inputmode and width", () => {
    const html = render(
      <TextInput name="postcode" label="Postcode" defaultValue={'AB1 2CD "x"'} autoComplete="postal-code" spellCheck={false} width={10} inputMode="text" />,
    );
    const input = byId(html, "postcode");
    expect(input.attrs.value).toBe('AB1 2CD "x"');
    expect(input.attrs.autocomplete).toBe("postal-code");
    expect(input.attrs.spellcheck).toBe("false");
    expect(input.attrs.inputmode).toBe("text");
    expect(hasClass(input, "govuk-input--width-10")).toBe(true);
  });

  it("uses govuk-!-width classes for fluid widths", () => {
    const html = render(<TextInput name="address" label="Address" width="two-thirds" />);
    expect(hasClass(byId(html, "address"), "govuk-!-width-two-thirds")).toBe(true);
  });

  it("wraps the label in the h1 when it is the page heading", () => {
    const html = render(<TextInput name="reference" label="What is the referral reference?" isPageHeading />);
    expect(html).toMatch(/^<div class="govuk-form-group"><h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="reference">/);
  });

  it("hides prefix and suffix from screen readers", () => {
    const html = render(<TextInput name="hours" label="Hours a week" suffix="hours" />);
    expect(html).toContain('<div class="govuk-input__wrapper">');
    expect(html).toContain('<div class="govuk-input__suffix" aria-hidden="true">hours</div>');
  });
});

describe("Textarea", () => {
  it("labels the textarea, refills it and describes it by hint then error", () => {
    const html = render(<Textarea name="notes" label="Notes" hint="Do not include risk details" error="Enter notes" defaultValue="Met at <office>" />);
    expect(tags(html, "label")[0].attrs.for).toBe("notes");
    const textarea = byId(html, "notes");
    expect(textarea.name).toBe("textarea");
    expect(textarea.attrs.rows).toBe("5");
    expect(describedByIds(textarea)).toEqual(["notes-hint", "notes-error"]);
    expect(textOf(html, textarea)).toBe("Met at <office>");
    expect(hasClass(textarea, "govuk-textarea--error")).toBe(true);
    expect(textOf(html, byId(html, "notes-error"))).toBe("Error: Enter notes");
  });

  it("renders the character count message on the server without a native maxlength", () => {
    const html = render(<Textarea name="summary" label="Summary" hint="Keep it short" maxLength={10000} />);
    const textarea = byId(html, "summary");
    expect(textarea.attrs.maxlength).toBeUndefined();
    expect(hasClass(textarea, "govuk-js-character-count")).toBe(true);
    expect(describedByIds(textarea)).toEqual(["summary-info", "summary-hint"]);
    const info = byId(html, "summary-info");
    expect(hasClass(info, "govuk-character-count__message")).toBe(true);
    expect(textOf(html, info)).toBe("You can enter up to 10,000 characters");
    expect(html).toMatch(/^<div class="govuk-form-group govuk-character-count" data-module="govuk-character-count" data-maxlength="10000">/);
  });

  it("can leave the count out", () => {
    const html = render(<Textarea name="summary" label="Summary" maxLength={500} characterCount={false} />);
    expect(html).not.toContain("govuk-character-count");
    expect(byId(html, "summary").attrs["aria-describedby"]).toBeUndefined();
  });
});

describe("Select", () => {
  const options = [
    { value: "", text: "Choose a strand" },
    { value: "main", text: "Main Provision" },
    { value: "start-back", text: "Start Back" },
  ];

  it("labels the select and marks the echoed option selected", () => {
    const html = render(<Select name="strand" label="Strand" options={options} defaultValue="start-back" />);
    expect(tags(html, "label")[0].attrs.for).toBe("strand");
    expect(byId(html, "strand").name).toBe("select");
    const selected = tags(html, "option").filter((option) => "selected" in option.attrs);
    expect(selected.map((option) => option.attrs.value)).toEqual(["start-back"]);
  });

  it("describes the select by its error", () => {
    const html = render(<Select name="strand" label="Strand" options={options} error="Select a strand" />);
    const select = byId(html, "strand");
    expect(describedByIds(select)).toEqual(["strand-error"]);
    expect(hasClass(select, "govuk-select--error")).toBe(true);
    expect(textOf(html, byId(html, "strand-error"))).toBe("Error: Select a strand");
  });
});

describe("PasswordInput", () => {
  it("is a labelled type=password input with paste allowed and no echoed value", () => {
    const html = render(<PasswordInput name="password" label="Password" />);
    const input = byId(html, "password");
    expect(tags(html, "label")[0].attrs.for).toBe("password");
    expect(input.attrs.type).toBe("password");
    expect(input.attrs.autocomplete).toBe("current-password");
    expect(input.attrs.spellcheck).toBe("false");
    expect(input.attrs.autocapitalize).toBe("none");
    expect(input.attrs.value).toBeUndefined();
    expect(input.attrs.onpaste).toBeUndefined();
    // The Show button exists for govuk-frontend's script but is hidden without it.
    const toggle = tags(html, "button")[0];
    expect(toggle.attrs.type).toBe("button");
    expect("hidden" in toggle.attrs).toBe(true);
    expect(toggle.attrs["aria-controls"]).toBe("password");
  });

  it("takes a configurable autocomplete and links its error", () => {
    const html = render(<PasswordInput name="newPassword" label="New password" autoComplete="new-password" hint="At least 12 characters" error="Enter a password of at least 12 characters" />);
    const input = byId(html, "newPassword");
    expect(input.attrs.autocomplete).toBe("new-password");
    expect(describedByIds(input)).toEqual(["newPassword-hint", "newPassword-error"]);
    expect(html).toContain('<span class="govuk-visually-hidden">Error:</span> Enter a password of at least 12 characters');
  });
});
