import { describe, expect, it } from "vitest";
import { Button } from "@/components/forms/Button";
import { ButtonLink } from "@/components/forms/ButtonLink";
import { dateFieldPropsFrom, fieldPropsFrom } from "@/components/forms/fieldPropsFrom";
import { HiddenInput } from "@/components/forms/HiddenInput";
import { TextInput } from "@/components/forms/TextInput";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { byId, describedByIds, hasClass, render, tags } from "./html";

describe("Button", () => {
  it("is a primary submit button by default", () => {
    const button = tags(render(<Button>Save and continue</Button>), "button")[0];
    expect(button.attrs.type).toBe("submit");
    expect(button.attrs.class).toBe("govuk-button");
    expect(button.attrs["data-prevent-double-click"]).toBeUndefined();
  });

  it("renders variants, name/value and data-prevent-double-click", () => {
    const html = render(
      <Button variant="warning" name="decision" value="close" preventDoubleClick>
        Close case
      </Button>,
    );
    const button = tags(html, "button")[0];
    expect(hasClass(button, "govuk-button--warning")).toBe(true);
    expect(button.attrs.name).toBe("decision");
    expect(button.attrs.value).toBe("close");
    expect(button.attrs["data-prevent-double-click"]).toBe("true");
    expect(hasClass(tags(render(<Button variant="secondary" type="button">Add another</Button>), "button")[0], "govuk-button--secondary")).toBe(true);
  });

  it("marks a disabled button for assistive technology too", () => {
    const button = tags(render(<Button disabled>Submit</Button>), "button")[0];
    expect("disabled" in button.attrs).toBe(true);
    expect(button.attrs["aria-disabled"]).toBe("true");
  });

  it("has a link variant for navigation", () => {
    const link = tags(render(<ButtonLink href="/referrals/new" variant="secondary">Create a referral</ButtonLink>), "a")[0];
    expect(link.attrs.href).toBe("/referrals/new");
    expect(link.attrs.role).toBe("button");
    expect(hasClass(link, "govuk-button--secondary")).toBe(true);
  });
});

describe("HiddenInput", () => {
  it("renders a hidden field", () => {
    expect(render(<HiddenInput name="version" value="3" />)).toBe('<input type="hidden" name="version" value="3"/>');
  });
});

describe("fieldPropsFrom", () => {
  const state: FormState = {
    status: "error",
    fieldErrors: { surname: "Enter a surname" },
    values: { surname: "", firstName: "Sam" },
  };

  it("returns the field's error and echoed value", () => {
    expect(fieldPropsFrom(state, "surname")).toEqual({ error: "Enter a surname", defaultValue: "" });
    expect(fieldPropsFrom(state, "firstName")).toEqual({ error: undefined, defaultValue: "Sam" });
    expect(fieldPropsFrom(initialFormState, "surname")).toEqual({ error: undefined, defaultValue: undefined });
  });

  it("spreads straight into a field", () => {
    const html = render(<TextInput name="surname" label="Surname" {...fieldPropsFrom(state, "surname")} />);
    expect(describedByIds(byId(html, "surname"))).toEqual(["surname-error"]);
    const firstName = byId(render(<TextInput name="firstName" label="First name" {...fieldPropsFrom(state, "firstName")} />), "firstName");
    expect(firstName.attrs.value).toBe("Sam");
  });
});

describe("dateFieldPropsFrom", () => {
  it("collects the part values and a whole-date error", () => {
    const state: FormState = {
      status: "error",
      fieldErrors: { startDate: "Start date must be a real date" },
      values: { "startDate-day": "31", "startDate-month": "2", "startDate-year": "2025" },
    };
    expect(dateFieldPropsFrom(state, "startDate")).toEqual({
      error: "Start date must be a real date",
      defaultValue: { day: "31", month: "2", year: "2025" },
      errorParts: [],
    });
  });

  it("marks just the parts that have their own errors", () => {
    const state: FormState = {
      status: "error",
      fieldErrors: { "startDate-month": "Start date must include a month" },
      values: { "startDate-day": "1", "startDate-month": "", "startDate-year": "2025" },
    };
    expect(dateFieldPropsFrom(state, "startDate")).toMatchObject({ error: "Start date must include a month", errorParts: ["month"] });
  });
});
