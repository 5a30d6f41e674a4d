import { z } from "zod";
import { ninoProblem, normaliseNino } from "@/lib/domain/identifiers";
import { needsTrackingNumber, SCR_MARKINGS, SECURE_RETURN_METHODS, type SecureReturnMethod } from "@/lib/domain/scr/sl2";
import { isoDateFromParts, withDateParts } from "./date-parts";
import { optionalText, recordId, recordVersion, requiredText } from "./fields";

/**
 * Forms for a clerical SL2 referral of a Special Customer Record (13.52–13.57, 3.30–3.31), shared
 * by the pages and the server actions. `.strict()`: unknown keys — a restriction flag, a route,
 * an assignee — are refused (AC-04). "Not in the future" and "not before the SL2 arrived" need
 * today and the case, so the use-cases check them and answer with a field error.
 */

export const EARLIEST_SL2_DATE = "2015-01-01";
const LATEST_DATE = "2099-12-31";

/** An optional NINO: SL2 page 1 is JCP's, and the app does not invent what it holds. */
const optionalNino = z
  .string()
  .max(20, "Enter a National Insurance number in the correct format, like AB 12 34 56 C")
  .optional()
  .transform((value, context) => {
    if (!value || value.trim() === "") return null;
    const problem = ninoProblem(value);
    if (problem) {
      context.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return normaliseNino(value);
  });

const optionalEmail = z
  .string()
  .trim()
  .max(320, "Email address must be 320 characters or fewer")
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    if (!z.email().safeParse(value).success) {
      context.addIssue({ code: "custom", message: "Enter an email address in the correct format, like name@example.com" });
      return z.NEVER;
    }
    return value.toLowerCase();
  });

const method = z.enum(SECURE_RETURN_METHODS, { error: "Select how it was returned" });
const trackingNumber = optionalText("the tracking number", 60);

/** Post needs its Track and Trace number (13.48, 13.57): checked even when other fields are wrong. */
function trackingRule(value: { method?: unknown; trackingNumber?: unknown }, context: z.RefinementCtx) {
  const chosen = value.method as SecureReturnMethod | undefined;
  if (typeof chosen === "string" && needsTrackingNumber(chosen) && (value.trackingNumber === null || value.trackingNumber === undefined)) {
    context.addIssue({ code: "custom", path: ["trackingNumber"], message: "Enter the Track and Trace number" });
  }
}

// ─── A new SCR case from a received SL2 (13.54, 3.31) ───────────────────────────────────

export const CREATE_SCR_CASE_FIELDS = [
  "siteId",
  "receivedOn",
  "title",
  "forename",
  "surname",
  "nino",
  "telephone",
  "jcpOfficerName",
  "jcpOfficerOffice",
  "jcpOfficerPhone",
  "jcpOfficerEmail",
] as const;

export const createScrCaseSchema = withDateParts(
  ["receivedOn"],
  z
    .object({
      /**
       * Makes a double submission harmless: the page renders a fresh id, the case is created with
       * it, and the same post again finds that case instead of creating a second one.
       */
      submissionId: recordId,
      siteId: z.uuid({ error: "Select a site from the list" }).transform((id) => id.toLowerCase()),
      receivedOn: isoDateFromParts({ label: "the date the SL2 was received", min: EARLIEST_SL2_DATE, max: LATEST_DATE }),
      title: optionalText("title", 20),
      forename: requiredText("the forename", 100),
      surname: requiredText("the surname", 100),
      nino: optionalNino,
      telephone: optionalText("the telephone number", 40),
      jcpOfficerName: requiredText("the name of the JCP nominated officer", 200),
      jcpOfficerOffice: optionalText("the jobcentre or office", 200),
      jcpOfficerPhone: optionalText("the telephone number of the JCP nominated officer", 40),
      jcpOfficerEmail: optionalEmail,
    })
    .strict(),
);

export type CreateScrCaseInput = z.output<typeof createScrCaseSchema>;

// ─── SL2 page 1 completed and returned, pages 2 and 3 retained (13.55, 3.31) ────────────

export const recordSl2Page1ReturnedSchema = withDateParts(
  ["completedOn", "returnedOn"],
  z
    .object({
      caseId: recordId,
      version: recordVersion,
      completedOn: isoDateFromParts({ label: "the date page 1 was completed", min: EARLIEST_SL2_DATE, max: LATEST_DATE }),
      returnedOn: isoDateFromParts({ label: "the date page 1 was returned", min: EARLIEST_SL2_DATE, max: LATEST_DATE }),
      method,
      trackingNumber,
      pages2And3Retained: z.literal("yes", { error: "Confirm that pages 2 and 3 are kept securely (13.55)" }),
    })
    .strict()
    .superRefine(trackingRule, { when: () => true }),
);

export type RecordSl2Page1ReturnedInput = z.output<typeof recordSl2Page1ReturnedSchema>;

// ─── After the assessment: the referral form completed and returned (13.56, 3.31) ───────

export const recordSl2ReferralFormReturnedSchema = withDateParts(
  ["returnedOn"],
  z
    .object({
      caseId: recordId,
      version: recordVersion,
      returnedOn: isoDateFromParts({ label: "the date the referral form was returned", min: EARLIEST_SL2_DATE, max: LATEST_DATE }),
      method,
      trackingNumber,
    })
    .strict()
    .superRefine(trackingRule, { when: () => true }),
);

export type RecordSl2ReferralFormReturnedInput = z.output<typeof recordSl2ReferralFormReturnedSchema>;

/** How a nominated officer settles a possible duplicate of an SCR case (docs/rules/restricted-cases.md). */
export const SCR_DUPLICATE_RESOLUTIONS = ["merged", "kept", "closed"] as const;
export type ScrDuplicateResolutionValue = (typeof SCR_DUPLICATE_RESOLUTIONS)[number];

export const SCR_DUPLICATE_RESOLUTION_LABELS: Record<ScrDuplicateResolutionValue, string> = {
  merged: "Merge it into the SCR case",
  kept: "Keep it as a separate restricted case",
  closed: "Close it",
};

export const resolveScrDuplicateSchema = z
  .object({
    alertId: recordId,
    version: recordVersion,
    resolution: z.enum(SCR_DUPLICATE_RESOLUTIONS, { error: "Select what to do with the new case" }),
    reason: requiredText("the reason for your decision", 2000),
  })
  .strict();
export type ResolveScrDuplicateInput = z.output<typeof resolveScrDuplicateSchema>;
/**
 * 13.77, 3.43: the nominated officer overrides the SL2 marking, with a reason, where the case's
 * ruleset was overridden (lib/domain/scr/sl2.ts scrMarkingOverrideProblem).
 */
export const overrideSl2MarkingSchema = z
  .object({
    caseId: recordId,
    version: recordVersion,
    marking: z.enum(SCR_MARKINGS, { error: "Select the marking for the top of each SL2 page" }),
    reason: requiredText("the reason for the marking", 2000),
  })
  .strict();
export type OverrideSl2MarkingInput = z.output<typeof overrideSl2MarkingSchema>;
