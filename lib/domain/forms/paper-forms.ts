import { z } from "zod";
import { EMAILED_PARTS, INBOXES } from "@/lib/domain/uc452/template";
import { isoDateFromParts, withDateParts } from "./date-parts";
import { optionalText, recordId, recordVersion } from "./fields";

/**
 * Forms for a UC case's paper trail (docs/rules/forms.md; docs/rules/routes.md, route 1 steps 3 and 6). `.strict()`:
 * unknown keys refused (AC-04). Dates arrive as GOV.UK date inputs; "not in the future" and "not
 * before the referral date" need the case and today, so the use-case checks them
 * (lib/server/paper-forms/) and answers with a field error keyed by the date.
 */

export const UCPR1_TEXT_MAX = 2000;
export const UCPR1_HOURS_MAX = 500;

/** 13.66: the UCPR1's contents, in the guidance's order. */
export const UCPR1_FIELDS = [
  { name: "jobAims", label: "Job aims", max: UCPR1_TEXT_MAX },
  { name: "jobPreferences", label: "Job preferences", max: UCPR1_TEXT_MAX },
  { name: "preferredHours", label: "Preferred hours", max: UCPR1_HOURS_MAX },
  { name: "availabilityRestrictions", label: "Availability restrictions", max: UCPR1_TEXT_MAX },
  { name: "specialArrangements", label: "Special arrangements", max: UCPR1_TEXT_MAX },
  { name: "complexNeeds", label: "Complex needs and additional requirements", max: UCPR1_TEXT_MAX },
] as const;

export type Ucpr1FieldName = (typeof UCPR1_FIELDS)[number]["name"];

export const recordUc452ReceivedSchema = withDateParts(
  ["receivedOn"],
  z.object({ caseId: recordId, version: recordVersion, receivedOn: isoDateFromParts({ label: "the date the UC452 arrived" }) }).strict(),
);

export const recordUcpr1ReceivedSchema = withDateParts(
  ["receivedOn"],
  z
    .object({
      caseId: recordId,
      version: recordVersion,
      receivedOn: isoDateFromParts({ label: "the date the UCPR1 arrived" }),
      jobAims: optionalText("job aims", UCPR1_TEXT_MAX),
      jobPreferences: optionalText("job preferences", UCPR1_TEXT_MAX),
      preferredHours: optionalText("preferred hours", UCPR1_HOURS_MAX),
      availabilityRestrictions: optionalText("availability restrictions", UCPR1_TEXT_MAX),
      specialArrangements: optionalText("special arrangements", UCPR1_TEXT_MAX),
      complexNeeds: optionalText("complex needs and additional requirements", UCPR1_TEXT_MAX),
    })
    .strict(),
);

export const recordSpocChasedSchema = withDateParts(
  ["chasedOn"],
  z.object({ caseId: recordId, version: recordVersion, chasedOn: isoDateFromParts({ label: "the date you contacted the JCP SPoC" }) }).strict(),
);

/** 13.67: the date a duplicate UCPR1 was asked of the JCP SPoC. */
export const recordUcpr1DuplicateRequestedSchema = withDateParts(
  ["requestedOn"],
  z
    .object({ caseId: recordId, version: recordVersion, requestedOn: isoDateFromParts({ label: "the date you asked the JCP SPoC for a duplicate UCPR1" }) })
    .strict(),
);

export const recordUc452EmailSentSchema = withDateParts(
  ["sentOn"],
  z
    .object({
      caseId: recordId,
      part: z.enum(EMAILED_PARTS, { error: "That record could not be found." }),
      inbox: z.enum(INBOXES, { error: "That record could not be found." }),
      /** The version of the UC452 part the email was built from: a changed form must be downloaded again. */
      formVersion: recordVersion,
      sentOn: isoDateFromParts({ label: "the date the email was sent" }),
    })
    .strict(),
);

export type RecordUc452ReceivedInput = z.output<typeof recordUc452ReceivedSchema>;
export type RecordUcpr1ReceivedInput = z.output<typeof recordUcpr1ReceivedSchema>;
export type RecordSpocChasedInput = z.output<typeof recordSpocChasedSchema>;
export type RecordUcpr1DuplicateRequestedInput = z.output<typeof recordUcpr1DuplicateRequestedSchema>;
export type RecordUc452EmailSentInput = z.output<typeof recordUc452EmailSentSchema>;

/**
 * 13.21: UC452 part 6 amended after it was completed — new anticipated dates, with the reason. The
 * amended version is a new version of the form, e-mailed again as a new version.
 */
export const amendUc452Part6Schema = withDateParts(
  ["anticipatedStartOn", "anticipatedEndOn"],
  z
    .object({
      caseId: recordId,
      /** The version of part 6 the page showed: a form changed since is not overwritten. */
      formVersion: recordVersion,
      anticipatedStartOn: isoDateFromParts({ label: "the anticipated start date" }),
      anticipatedEndOn: isoDateFromParts({ label: "the anticipated end date" }),
      reason: z
        .string({ error: "Enter why part 6 is being amended" })
        .trim()
        .min(1, "Enter why part 6 is being amended")
        .max(500, "The reason must be 500 characters or fewer"),
    })
    .strict()
    .refine((value) => value.anticipatedEndOn >= value.anticipatedStartOn, {
      path: ["anticipatedEndOn"],
      message: "The anticipated end date must be the same as or after the anticipated start date",
    }),
);

export type AmendUc452Part6Input = z.output<typeof amendUc452Part6Schema>;
