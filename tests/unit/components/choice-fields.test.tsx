import { describe, expect, it } from "vitest";
import { Checkboxes } from "@/components/forms/Checkboxes";
import { Fieldset } from "@/components/forms/Fieldset";
import { Radios } from "@/components/forms/Radios";
import { byId, describedByIds, hasClass, render, tags, textOf } from "./html";

const strands = [
  { value: "main", text: "Main Provision", hint: "Up to 12 months of support" },
  { value: "start-back", text: "Start Back" },
];

describe("Radios", () => {
  it("puts the radios in a fieldset whose legend is the question", () => {
    const html = render(<Radios name="strand" label="Which strand do you recommend?" items={strands} />);
    expect(tags(html, "fieldset")).toHaveLength(1);
    expect(textOf(html, tags(html, "legend")[0])).toBe("Which strand do you recommend?");
  });

  it("gives the first radio the field id, so #<name> error links land on it, and labels every radio", () => {
    const html = render(<Radios name="strand" label="Strand" items={strands} />);
    const inputs = tags(html, "input");
    expect(inputs.map((input) => input.attrs.id)).toEqual(["strand", "strand-2"]);
    expect(tags(html, "label").map((label) => label.attrs.for)).toEqual(["strand", "strand-2"]);
    expect(inputs.every((input) => input.attrs.name === "strand" && input.attrs.type === "radio")).toBe(true);
  });

  it("describes a radio by its own hint", () => {
    const html = render(<Radios name="strand" label="Strand" items={strands} />);
    const main = byId(html, "strand");
    expect(describedByIds(main)).toEqual(["strand-item-hint"]);
    expect(textOf(html, byId(html, "strand-item-hint"))).toBe("Up to 12 months of support");
    expect(byId(html, "strand-2").attrs["aria-describedby"]).toBeUndefined();
  });

  it("describes the fieldset by hint then error, with the hidden 'Error:' prefix", () => {
    const html = render(<Radios name="strand" label="Strand" hint="Select one" error="Select a strand" items={strands} />);
    const fieldset = tags(html, "fieldset")[0];
    expect(describedByIds(fieldset)).toEqual(["strand-hint", "strand-error"]);
    expect(textOf(html, byId(html, "strand-error"))).toBe("Error: Select a strand");
    expect(html).toContain('<span class="govuk-visually-hidden">Error:</span> Select a strand');
    expect(html).toContain("govuk-form-group--error");
  });

  it("checks the echoed value only", () => {
    const html = render(<Radios name="strand" label="Strand" items={strands} defaultValue="start-back" />);
    expect("checked" in byId(html, "strand-2").attrs).toBe(true);
    expect("checked" in byId(html, "strand").attrs).toBe(false);
  });

  it("supports the inline layout, small size and a divider", () => {
    const html = render(
      <Radios name="consent" label="Consent given?" inline small items={[{ value: "yes", text: "Yes" }, { divider: "or" }, { value: "no", text: "No" }]} />,
    );
    const radios = tags(html).find((tag) => hasClass(tag, "govuk-radios"));
    expect(radios && hasClass(radios, "govuk-radios--inline")).toBe(true);
    expect(radios && hasClass(radios, "govuk-radios--small")).toBe(true);
    expect(html).toContain('<div class="govuk-radios__divider">or</div>');
    // GOV.UK numbers items by position, dividers included.
    expect(tags(html, "input").map((input) => input.attrs.id)).toEqual(["consent", "consent-3"]);
  });

  it("makes the legend the page heading when asked", () => {
    const html = render(<Radios name="strand" label="Strand" isPageHeading items={strands} />);
    expect(html).toContain('<legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">Strand</h1></legend>');
  });
});

describe("Checkboxes", () => {
  const barriers = [
    { value: "housing", text: "Housing" },
    { value: "health", text: "Health", hint: "Physical or mental" },
    { value: "skills", text: "Skills" },
  ];

  it("labels each box and gives the first the field id", () => {
    const html = render(<Checkboxes name="barriers" label="Barriers to work" items={barriers} />);
    expect(tags(html, "input").map((input) => input.attrs.id)).toEqual(["barriers", "barriers-2", "barriers-3"]);
    expect(tags(html, "label").map((label) => label.attrs.for)).toEqual(["barriers", "barriers-2", "barriers-3"]);
    expect(textOf(html, tags(html, "legend")[0])).toBe("Barriers to work");
    expect(describedByIds(byId(html, "barriers-2"))).toEqual(["barriers-2-item-hint"]);
  });

  it("checks every echoed value", () => {
    const html = render(<Checkboxes name="barriers" label="Barriers" items={barriers} defaultValue={["housing", "skills"]} />);
    expect(tags(html, "input").filter((input) => "checked" in input.attrs).map((input) => input.attrs.value)).toEqual(["housing", "skills"]);
  });

  it("accepts one echoed value as a string", () => {
    const html = render(<Checkboxes name="barriers" label="Barriers" items={barriers} defaultValue="health" />);
    expect(tags(html, "input").filter((input) => "checked" in input.attrs).map((input) => input.attrs.value)).toEqual(["health"]);
  });

  it("describes the fieldset by the error", () => {
    const html = render(<Checkboxes name="barriers" label="Barriers" items={barriers} error="Select at least one barrier" />);
    expect(describedByIds(tags(html, "fieldset")[0])).toEqual(["barriers-error"]);
    expect(textOf(html, byId(html, "barriers-error"))).toBe("Error: Select at least one barrier");
  });
});

describe("Fieldset", () => {
  it("always has a legend and passes describedBy and role", () => {
    const html = render(
      <Fieldset legend="Address" legendSize="m" describedBy="address-hint" role="group">
        <p>fields</p>
      </Fieldset>,
    );
    const fieldset = tags(html, "fieldset")[0];
    expect(fieldset.attrs.role).toBe("group");
    expect(fieldset.attrs["aria-describedby"]).toBe("address-hint");
    expect(html).toContain('<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Address</legend>');
  });
});
