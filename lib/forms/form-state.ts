/**
 * What a server action returns to its form (GOV.UK error pattern): field errors keyed by the
 * field's name, in display order, and the submitted values so nothing is lost on a bad submission.
 */
export type FieldErrors = Record<string, string>;

export interface FormState {
  status: "idle" | "error" | "success";
  /** A form-level message (e.g. "This case was changed by someone else"), shown in the error summary. */
  message?: string;
  fieldErrors: FieldErrors;
  /** The submitted values, echoed back to refill the form after an error. Never passwords. */
  values: Record<string, string>;
  /** What a successful action shows once and never stores in a URL: a set-up link, recovery codes. */
  data?: Record<string, string>;
}

export const initialFormState: FormState = { status: "idle", fieldErrors: {}, values: {} };
