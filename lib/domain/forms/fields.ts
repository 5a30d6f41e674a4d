import { z } from "zod";

/** Reusable zod pieces with GOV.UK-style messages, shared by forms and server actions. */

/**
 * docs/security.md IV-01: control characters (NUL and the other C0 controls, DEL) are refused in
 * every text field with a field error; tab, line feed and carriage return are ordinary typing.
 * PostgreSQL cannot store NUL in text, so without this a NUL made a 500 (review finding M6).
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

export const controlCharactersMessage = (label: string) =>
  `${label[0].toUpperCase()}${label.slice(1)} must not include hidden control characters. Retype it without them`;

/** The one refinement every text field uses (see CONTROL_CHARACTERS). */
export const withoutControlCharacters = <Schema extends z.ZodString>(schema: Schema, label: string): Schema =>
  schema.refine((value) => !hasControlCharacters(value), controlCharactersMessage(label)) as Schema;

/** A text field of any kind: a string with no control characters. */
export const plainString = (label: string, params?: Parameters<typeof z.string>[0]) => withoutControlCharacters(z.string(params), label);

export const requiredText = (label: string, max: number) =>
  plainString(label, { error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

export const optionalText = (label: string, max: number) =>
  plainString(label)
    .trim()
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => (value ? value : null));

export const emailAddress = plainString("email address", { error: "Enter an email address" })
  .trim()
  .min(1, "Enter an email address")
  .max(320, "Email address must be 320 characters or fewer")
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }))
  .transform((value) => value.toLowerCase());

/** Ids are compared as strings in places (e.g. "is this me?"), so normalise the case PostgreSQL ignores. */
export const recordId = z.uuid({ error: "That record could not be found." }).transform((id) => id.toLowerCase());

/** The version the form was rendered with (optimistic concurrency). */
export const recordVersion = z.coerce
  .number({ error: "Reload the page and try again." })
  .int("Reload the page and try again.")
  .min(1, "Reload the page and try again.")
  // A version is a PostgreSQL integer: a larger number is no version of anything (IV-01).
  .max(2_147_483_647, "Reload the page and try again.");
