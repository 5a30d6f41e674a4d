import type { z } from "zod";
import { controlCharactersMessage, hasControlCharacters } from "@/lib/domain/forms/fields";
import type { FieldErrors, FormState } from "./form-state";

/** Next adds its own `$ACTION_…` fields to progressively enhanced forms; they are not user input. */
const FRAMEWORK_FIELD = /^\$ACTION/;

/**
 * A plain object from a form post: single values as strings, the named fields as arrays
 * (checkboxes). Files are ignored: no form in this app uploads.
 */
export function formDataToObject(formData: FormData, arrayFields: readonly string[] = []): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const field of arrayFields) result[field] = [];
  for (const [key, value] of formData.entries()) {
    if (FRAMEWORK_FIELD.test(key) || typeof value !== "string") continue;
    if (arrayFields.includes(key)) (result[key] as string[]).push(value);
    else result[key] = value;
  }
  return result;
}

/** Field errors in the order zod found them (= the form's field order); first message per field. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    if (issue.code === "unrecognized_keys") {
      errors.form ??= "The form contained fields that are not allowed. Reload the page and try again.";
      continue;
    }
    errors[key] ??= issue.message;
  }
  return errors;
}

/** What to echo back so nothing typed is lost — minus secrets. */
export function echoValues(input: Record<string, string | string[]>, secretFields: readonly string[] = ["password"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (secretFields.includes(key)) continue;
    values[key] = Array.isArray(value) ? value.join("\n") : value;
  }
  return values;
}

export function errorState(fieldErrors: FieldErrors, values: Record<string, string>, message?: string): FormState {
  return { status: "error", fieldErrors, values, message };
}

/**
 * A field error for every posted field holding a control character (docs/security.md IV-01), or
 * null when there is none. The same rule and message as the schemas' own refinement.
 */
export function controlCharacterErrors(input: Record<string, string | string[]>): FieldErrors | null {
  const errors: FieldErrors = {};
  for (const [key, value] of Object.entries(input)) {
    if ([value].flat().some(hasControlCharacters)) errors[key] = controlCharactersMessage("this answer");
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
