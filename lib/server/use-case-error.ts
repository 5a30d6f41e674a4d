import type { FieldErrors } from "@/lib/forms/form-state";

/**
 * The errors a use-case can end with (Documenso style). The UI maps them to messages; none of
 * them carries database detail.
 *  - NOT_FOUND: no such record, or not one this user may see (the same answer on purpose, AC-01)
 *  - FORBIDDEN: signed in but without the permission
 *  - INVALID: the request breaks a rule; fieldErrors say where
 *  - CONFLICT: it would duplicate something that exists (a unique key)
 *  - STALE: someone else changed the record since it was read (optimistic concurrency)
 */
export type UseCaseErrorCode = "NOT_FOUND" | "FORBIDDEN" | "INVALID" | "CONFLICT" | "STALE";

export class UseCaseError extends Error {
  constructor(
    readonly code: UseCaseErrorCode,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "UseCaseError";
  }
}

export const STALE_MESSAGE =
  "Someone else changed this record while you were working on it. Your changes have not been saved: check the latest details and try again.";

export const NOT_FOUND_MESSAGE = "That record could not be found.";

/** INVALID with the message on one field of the form (the GOV.UK error pattern links to it). */
export function refuseField(field: string, message: string): never {
  throw new UseCaseError("INVALID", message, { [field]: message });
}
