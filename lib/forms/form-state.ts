/**
 * What a server action returns to its form (GOV.UK error pattern): field errors keyed by the
 * field's name, in display order, and the submitted values so nothing is lost on a bad submission.
 */
export type FieldErrors = Record<string, string>;

/** A deadline the answers give, shown on a check-your-answers page before anything is saved. */
export interface ReviewDeadline {
  label: string;
  /** "Friday 28 April 2017". */
  dueOn: string;
  /** Guidance paragraphs, e.g. "13.13". */
  paragraphs: string;
  /** The date is already past on the day the answers were checked. */
  passed: boolean;
}

/** What a check step found valid: the deadlines the answers give (docs/decisions/0018-check-answers-before-a-case-is-created.md). */
export interface CheckAnswersReview {
  deadlines: readonly ReviewDeadline[];
}

export interface FormState {
  /** "review": the answers are valid and shown back on a check-your-answers page, nothing saved yet. */
  status: "idle" | "error" | "success" | "review";
  /** A form-level message (e.g. "This case was changed by someone else"), shown in the error summary. */
  message?: string;
  fieldErrors: FieldErrors;
  /** The submitted values, echoed back to refill the form after an error. Never passwords. */
  values: Record<string, string>;
  /** What a successful action shows once and never stores in a URL: a set-up link, recovery codes. */
  data?: Record<string, string>;
  /** Set with status "review". */
  review?: CheckAnswersReview;
  /** After "Change" on a check-your-answers page: the id of the field to put focus on. */
  focus?: string;
}

export const initialFormState: FormState = { status: "idle", fieldErrors: {}, values: {} };
