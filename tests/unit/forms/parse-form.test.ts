import { describe, expect, it } from "vitest";
import { z } from "zod";
import { echoValues, errorState, fieldErrorsFrom, formDataToObject } from "@/lib/forms/parse-form";

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("formDataToObject: a form post as a plain object", () => {
  it("turns single fields into strings", () => {
    expect(formDataToObject(form([["name", "Jane Doe"], ["email", "jane@provider.example"]]))).toEqual({
      name: "Jane Doe",
      email: "jane@provider.example",
    });
  });

  it("drops the $ACTION… fields Next adds to progressively enhanced forms, so .strict() schemas accept real posts (AC-04)", () => {
    const posted = form([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", '{"id":"abc","bound":"$@1"}'],
      ["$ACTION_1:1", "[]"],
      ["$ACTION_KEY", "k123"],
      ["$ACTION_ID_7f0a2c", ""],
      ["name", "Leeds"],
    ]);
    expect(formDataToObject(posted)).toEqual({ name: "Leeds" });
  });

  it("keeps a user field that merely contains $ACTION later in its name (only the prefix is Next's)", () => {
    expect(formDataToObject(form([["note$ACTION", "x"]]))).toEqual({ "note$ACTION": "x" });
  });

  it("collects checkbox fields as arrays, in posted order", () => {
    const posted = form([["roles", "caseworker"], ["name", "A"], ["roles", "manager"]]);
    expect(formDataToObject(posted, ["roles"])).toEqual({ roles: ["caseworker", "manager"], name: "A" });
  });

  it("gives an unticked checkbox group an empty array, so the schema can say 'Select at least one role'", () => {
    expect(formDataToObject(form([["name", "A"]]), ["roles"])).toEqual({ name: "A", roles: [] });
  });

  it("keeps the last value when a single field is posted twice", () => {
    expect(formDataToObject(form([["name", "first"], ["name", "second"]]))).toEqual({ name: "second" });
  });

  it("ignores uploaded files: no form in this app uploads (IV-06)", () => {
    const posted = form([["name", "A"], ["attachment", new Blob(["%PDF-1.7"], { type: "application/pdf" })]]);
    expect(formDataToObject(posted)).toEqual({ name: "A" });
  });

  it("keeps an attacker's extra field, so the strict schema can refuse it (AC-04)", () => {
    expect(formDataToObject(form([["name", "A"], ["organisationId", "x"]]))).toEqual({ name: "A", organisationId: "x" });
  });

  it("does not let a field named __proto__ change the result's prototype", () => {
    const result = formDataToObject(form([["__proto__", "polluted"], ["name", "A"]]));
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("fieldErrorsFrom: zod issues as GOV.UK field errors", () => {
  const schema = z
    .object({
      name: z.string().min(1, "Enter a name").max(5, "Name must be 5 characters or fewer"),
      email: z.string().min(1, "Enter an email address"),
      roles: z.array(z.enum(["a", "b"], { error: "Select a role from the list" })).min(1, "Select at least one role"),
    })
    .strict();

  it("keys each error by its field, in the form's field order, keeping the first message per field", () => {
    const result = schema.safeParse({ name: "", email: "", roles: [] });
    expect(result.success).toBe(false);
    const errors = fieldErrorsFrom(result.error!);
    expect(Object.keys(errors)).toEqual(["name", "email", "roles"]);
    expect(errors).toEqual({ name: "Enter a name", email: "Enter an email address", roles: "Select at least one role" });
  });

  it("reports an error inside an array under the array's field name", () => {
    const result = schema.safeParse({ name: "A", email: "a", roles: ["a", "superuser"] });
    expect(fieldErrorsFrom(result.error!)).toEqual({ roles: "Select a role from the list" });
  });

  it("turns unknown keys into one form-level message that names no field (AC-04)", () => {
    const result = schema.safeParse({ name: "A", email: "a", roles: ["a"], organisationId: "x", restricted: "false" });
    const errors = fieldErrorsFrom(result.error!);
    expect(errors).toEqual({ form: "The form contained fields that are not allowed. Reload the page and try again." });
    expect(JSON.stringify(errors)).not.toMatch(/organisationId|restricted/);
  });

  it("puts an issue with no path (an object-level rule) under 'form'", () => {
    const whole = z.object({ a: z.string() }).refine(() => false, "These do not match");
    expect(fieldErrorsFrom(whole.safeParse({ a: "x" }).error!)).toEqual({ form: "These do not match" });
  });
});

describe("echoValues: what is sent back to refill the form", () => {
  it("never echoes a password (AU-08)", () => {
    expect(echoValues({ email: "jane@provider.example", password: "hunter2 hunter2" })).toEqual({ email: "jane@provider.example" });
  });

  it("drops any field named secret by the caller", () => {
    expect(echoValues({ name: "A", token: "t", newPassword: "p" }, ["token", "newPassword"])).toEqual({ name: "A" });
  });

  it("joins checkbox arrays with newlines", () => {
    expect(echoValues({ roles: ["caseworker", "manager"] })).toEqual({ roles: "caseworker\nmanager" });
  });

  it("builds an error state that carries field errors, values and an optional message", () => {
    expect(errorState({ name: "Enter a name" }, { name: "" }, "Check the form")).toEqual({
      status: "error",
      fieldErrors: { name: "Enter a name" },
      values: { name: "" },
      message: "Check the form",
    });
  });
});
