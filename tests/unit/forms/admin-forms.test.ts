import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  createSiteSchema,
  createUserSchema,
  resetPasswordSchema,
  updateSiteSchema,
  updateUserSchema,
  userStatusSchema,
} from "@/lib/domain/forms/admin-forms";
import { setPasswordSchema } from "@/lib/domain/forms/identity-forms";
import { fieldErrorsFrom, formDataToObject } from "@/lib/forms/parse-form";

const UNKNOWN_FIELDS = "The form contained fields that are not allowed. Reload the page and try again.";
const GOOD_PASSWORD = "tangerine lighthouse quietly";

/** Parse as the server action does: a FormData post → formDataToObject → schema. */
function post(schema: z.ZodType, fields: Record<string, string | string[]>, arrayFields: string[] = []) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  const result = schema.safeParse(formDataToObject(data, arrayFields));
  return result.success ? { data: result.data as Record<string, unknown>, errors: {} } : { data: undefined, errors: fieldErrorsFrom(result.error) };
}

const user = (overrides: Record<string, string | string[]> = {}) =>
  post(createUserSchema, { name: "Jane Doe", email: "jane.doe@provider.example", roles: ["caseworker"], ...overrides }, ["roles", "siteIds"]);

const site = (overrides: Record<string, string> = {}) =>
  post(createSiteSchema, { name: "Leeds", nation: "england_and_wales", address: "1 Park Row", capacity: "40", ...overrides });

const existing = { userId: randomUUID(), version: "3" };

describe("create user form (AC-04, IV-01)", () => {
  it("accepts a complete form and lower-cases and trims the email address", () => {
    const { data, errors } = user({ name: "  Jane Doe  ", email: "  Jane.Doe@Provider.EXAMPLE " });
    expect(errors).toEqual({});
    expect(data).toEqual({ name: "Jane Doe", email: "jane.doe@provider.example", roles: ["caseworker"], siteIds: [] });
  });

  it.each([["organisationId", randomUUID()], ["restricted", "false"], ["isDemo", "true"], ["sessionVersion", "0"], ["active", "true"]])(
    "refuses an extra field %s: the organisation comes from the session, never the post (AC-04, AC-05)",
    (field, value) => {
      expect(user({ [field]: value }).errors).toEqual({ form: UNKNOWN_FIELDS });
    },
  );

  it("asks for each empty field with a GOV.UK message", () => {
    expect(user({ name: "", email: "", roles: [] }).errors).toEqual({
      name: "Enter the user’s full name",
      email: "Enter an email address",
      roles: "Select at least one role",
    });
  });

  it("treats a name of only spaces as empty", () => {
    expect(user({ name: "   " }).errors).toEqual({ name: "Enter the user’s full name" });
  });

  it("asks for the email in the right format", () => {
    for (const email of ["jane", "jane@", "@provider.example", "jane doe@provider.example"]) {
      expect(user({ email }).errors, email).toEqual({ email: "Enter an email address in the correct format, like name@example.com" });
    }
  });

  it("says 'Select at least one role' when no role box is ticked", () => {
    expect(user({ roles: [] }).errors).toEqual({ roles: "Select at least one role" });
  });

  it("refuses a role that is not on the list", () => {
    expect(user({ roles: ["caseworker", "superuser"] }).errors).toEqual({ roles: "Select a role from the list" });
  });

  it("accepts several roles", () => {
    expect(user({ roles: ["caseworker", "nominated_officer"] }).data?.roles).toEqual(["caseworker", "nominated_officer"]);
  });

  it("treats no site ticked as 'all sites', keeps several sites once each, and refuses a site id that is not an id (docs/decisions/0030-users-with-several-sites.md)", () => {
    expect(user({}).data?.siteIds).toEqual([]);
    const [leeds, glasgow] = [randomUUID(), randomUUID()];
    expect(user({ siteIds: [leeds, glasgow, leeds] }).data?.siteIds).toEqual([leeds, glasgow]);
    expect(user({ siteIds: [leeds, "leeds"] }).errors).toEqual({ siteIds: "Select sites from the list" });
  });

  it("takes no password: the user sets their own from a set-up link (AU-06)", () => {
    expect(user({ password: GOOD_PASSWORD }).errors).toEqual({ form: UNKNOWN_FIELDS });
  });

  it("limits the name to 200 characters (IV-01)", () => {
    expect(user({ name: "a".repeat(200) }).errors).toEqual({});
    expect(user({ name: "a".repeat(201) }).errors).toEqual({ name: "The user’s full name must be 200 characters or fewer" });
  });
});

describe("update user, status and reset password forms (AC-04)", () => {
  it("accepts an update and coerces the version", () => {
    const { data, errors } = post(updateUserSchema, { ...existing, name: "Jane Doe", roles: ["manager"] }, ["roles", "siteIds"]);
    expect(errors).toEqual({});
    expect(data).toEqual({ userId: existing.userId, version: 3, name: "Jane Doe", roles: ["manager"], siteIds: [] });
  });

  it("refuses extra fields on every user form (AC-04)", () => {
    expect(post(updateUserSchema, { ...existing, name: "A", roles: ["manager"], organisationId: randomUUID() }, ["roles"]).errors).toEqual({ form: UNKNOWN_FIELDS });
    expect(post(updateUserSchema, { ...existing, name: "A", roles: ["manager"], email: "x@y.example" }, ["roles"]).errors).toEqual({ form: UNKNOWN_FIELDS });
    expect(post(userStatusSchema, { ...existing, active: "false", sessionVersion: "0" }).errors).toEqual({ form: UNKNOWN_FIELDS });
    expect(post(resetPasswordSchema, { ...existing, password: GOOD_PASSWORD, roles: "administrator" }).errors).toEqual({ form: UNKNOWN_FIELDS });
  });

  it("says 'Select at least one role' when an update unticks every role", () => {
    expect(post(updateUserSchema, { ...existing, name: "A" }, ["roles", "siteIds"]).errors).toEqual({ roles: "Select at least one role" });
  });

  it("refuses a tampered record id or version without naming the field's internals", () => {
    expect(post(userStatusSchema, { userId: "1 OR 1=1", version: "3", active: "false" }).errors).toEqual({ userId: "That record could not be found." });
    for (const version of ["", "0", "-1", "1.5", "abc"]) {
      expect(post(userStatusSchema, { userId: existing.userId, version, active: "false" }).errors, version).toEqual({ version: "Reload the page and try again." });
    }
  });

  it("reads the status as 'true' or 'false' only", () => {
    expect(post(userStatusSchema, { ...existing, active: "false" }).data?.active).toBe(false);
    expect(post(userStatusSchema, { ...existing, active: "true" }).data?.active).toBe(true);
    expect(post(userStatusSchema, { ...existing, active: "yes" }).errors).toHaveProperty("active");
  });

  it("resets by link, never by a typed password (AU-06)", () => {
    expect(post(resetPasswordSchema, existing).errors).toEqual({});
    expect(post(resetPasswordSchema, { ...existing, password: GOOD_PASSWORD }).errors).toEqual({ form: UNKNOWN_FIELDS });
  });

  it("applies the password policy where the user sets their password (AU-03)", () => {
    const token = "t".repeat(43);
    const set = (password: string, confirmPassword = password) => post(setPasswordSchema, { token, password, confirmPassword }).errors;
    expect(set(GOOD_PASSWORD)).toEqual({});
    expect(set("")).toHaveProperty("password");
    expect(set("qwerty123456")).toHaveProperty("password");
    expect(set("x".repeat(11))).toEqual({ password: "Password must be 12 characters or more" });
    expect(set(GOOD_PASSWORD, `${GOOD_PASSWORD}!`)).toEqual({ confirmPassword: "The passwords do not match" });
  });
});

describe("site forms (AC-04, IV-01)", () => {
  it("accepts a complete site", () => {
    expect(site()).toEqual({ data: { name: "Leeds", nation: "england_and_wales", address: "1 Park Row", capacity: 40 }, errors: {} });
  });

  it.each(["organisationId", "id", "version"])("refuses an extra field %s on a new site (AC-04)", (field) => {
    expect(site({ [field]: "1" }).errors).toEqual({ form: UNKNOWN_FIELDS });
  });

  it("asks for the name and the nation with GOV.UK messages", () => {
    expect(site({ name: "", nation: "" }).errors).toEqual({
      name: "Enter the site name",
      nation: "Select the nation where the site delivers provision",
    });
    expect(site({ nation: "wales" }).errors).toEqual({ nation: "Select the nation where the site delivers provision" });
  });

  it.each(["abc", "-1", "1.5", "1e3", "40 places", "0x10"])("refuses capacity %j as not a whole number", (capacity) => {
    expect(site({ capacity }).errors).toEqual({ capacity: "Capacity must be a whole number, like 40" });
  });

  it("treats an empty capacity as not recorded (null), and trims spaces", () => {
    expect(site({ capacity: "" }).data?.capacity).toBeNull();
    expect(site({ capacity: "   " }).data?.capacity).toBeNull();
    expect(site({ capacity: " 40 " }).data?.capacity).toBe(40);
    expect(post(createSiteSchema, { name: "Leeds", nation: "scotland" }).data).toEqual({ name: "Leeds", nation: "scotland", address: null, capacity: null });
  });

  it("caps capacity at 100,000", () => {
    expect(site({ capacity: "100000" }).data?.capacity).toBe(100_000);
    expect(site({ capacity: "100001" }).errors).toEqual({ capacity: "Capacity must be 100,000 or fewer" });
  });

  it("limits name and address lengths (IV-01)", () => {
    expect(site({ name: "n".repeat(201) }).errors).toEqual({ name: "The site name must be 200 characters or fewer" });
    expect(site({ address: "a".repeat(501) }).errors).toEqual({ address: "Address must be 500 characters or fewer" });
  });

  it("accepts an update with id, version and status, and refuses extra fields (AC-04)", () => {
    const fields = { siteId: randomUUID(), version: "2", name: "Leeds", nation: "scotland", address: "", capacity: "", active: "false" };
    expect(post(updateSiteSchema, fields).data).toEqual({ ...fields, version: 2, address: null, capacity: null, active: false });
    expect(post(updateSiteSchema, { ...fields, organisationId: randomUUID() }).errors).toEqual({ form: UNKNOWN_FIELDS });
  });
});
