import { z } from "zod";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { futureDateProblem } from "@/lib/domain/business-dates";
import { optionalDateOfBirth } from "./date-of-birth";
import { isoDateFromParts, withDateParts } from "./date-parts";
import { optionalText, recordId, recordVersion, requiredText } from "./fields";
import { EARLIEST_REFERRAL_DATE, ninoField, telephoneField } from "./referral-intake";

/**
 * A Warm Handover call recorded before its PRaP referral arrives (3.05): an expected referral
 * (docs/decisions/0023-bulk-import-and-expected-referrals.md). The DEA/Work Coach's name, phone and
 * email are required because the exit notice needs them; the customer's NINO only if given.
 */

export const EXPECTED_REFERRAL_CLOSE_REASONS = [
  { value: "customer_changed_mind", text: "The customer changed their mind" },
  { value: "referred_elsewhere", text: "The customer was referred elsewhere" },
  { value: "other", text: "Another reason" },
] as const;

const handoverEmail = z
  .string({ error: "Enter the email address of the work coach or DEA" })
  .trim()
  .min(1, "Enter the email address of the work coach or DEA")
  .max(320, "Email address must be 320 characters or fewer")
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }))
  .transform((value) => value.toLowerCase());

export function recordExpectedReferralSchemaOn(today: IsoDate) {
  return withDateParts(
    ["calledOn", "dateOfBirth"],
    z
      .object({
        siteId: z.uuid({ error: "Select a site from the list" }).transform((id) => id.toLowerCase()),
        handoverRole: z.enum(["work_coach", "disability_employment_adviser"], { error: "Select who made the Warm Handover call" }),
        handoverName: requiredText("the name of the work coach or DEA", 200),
        handoverPhone: telephoneField("the telephone number of the work coach or DEA", true),
        handoverEmail,
        jobcentre: optionalText("jobcentre", 200),
        forename: requiredText("the customer’s forename", 100),
        surname: requiredText("the customer’s surname", 100),
        nino: z
          .string()
          .max(20, "Enter a National Insurance number in the correct format, like QQ 12 34 56 C")
          .optional()
          .transform((value) => (value && value.trim() !== "" ? value : null))
          .pipe(z.union([z.null(), ninoField])),
        dateOfBirth: optionalDateOfBirth(today),
        calledOn: isoDateFromParts({ label: "the date of the Warm Handover call", subject: "Date of the Warm Handover call", min: EARLIEST_REFERRAL_DATE }).superRefine(
          (date, context) => {
            const future = futureDateProblem("Date of the Warm Handover call", date, today);
            if (future) context.addIssue({ code: "custom", message: future });
          },
        ),
        calledAt: z
          .string()
          .trim()
          .max(5, "Enter the time of the call like 14:30")
          .optional()
          .transform((value, context) => {
            if (!value) return null;
            const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(value);
            if (!match) {
              context.addIssue({ code: "custom", message: "Enter the time of the call like 14:30" });
              return z.NEVER;
            }
            return `${match[1].padStart(2, "0")}:${match[2]}`;
          }),
        notes: optionalText("notes", 2000),
      })
      .strict(),
  );
}

export type RecordExpectedReferralInput = z.output<ReturnType<typeof recordExpectedReferralSchemaOn>>;

export const closeExpectedReferralSchema = z
  .object({
    expectedReferralId: recordId,
    version: recordVersion,
    reason: z.enum(["customer_changed_mind", "referred_elsewhere", "other"], { error: "Select why no referral is expected" }),
    note: optionalText("the reason", 500),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.reason === "other" && value.note === null) context.addIssue({ code: "custom", path: ["note"], message: "Enter the reason" });
  });

export const attachExpectedReferralSchema = z.object({ expectedReferralId: recordId, caseId: recordId }).strict();
