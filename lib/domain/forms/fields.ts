import { z } from "zod";

/** Reusable zod pieces with GOV.UK-style messages, shared by forms and server actions. */

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => (value ? value : null));

export const emailAddress = z
  .string({ error: "Enter an email address" })
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
  .int()
  .min(1, "Reload the page and try again.");
