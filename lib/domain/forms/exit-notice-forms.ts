import { z } from "zod";
import { isoDateFromParts, withDateParts } from "./date-parts";
import { recordId, recordVersion } from "./fields";

const EMAIL = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/;

/**
 * 3.16: record that the Customer Exit Tracker was sent to the referring DEA/Work Coach. Their email
 * is the one taken at the Warm Handover (3.05); when it was not taken then, it is recorded here.
 */
export const recordExitTrackerSentSchema = withDateParts(
  ["sentOn"],
  z
    .object({
      caseId: recordId,
      /** The version of the tracker the page showed: a changed tracker must be looked at again. */
      formVersion: recordVersion,
      sentOn: isoDateFromParts({ label: "the date the Customer Exit Tracker was sent" }),
      workCoachEmail: z
        .string()
        .trim()
        .max(320, "The email address must be 320 characters or fewer")
        .refine((value) => value === "" || EMAIL.test(value), "Enter an email address in the correct format, like name@example.com")
        .optional()
        .transform((value) => (value ? value : null)),
    })
    .strict(),
);

export type RecordExitTrackerSentInput = z.output<typeof recordExitTrackerSentSchema>;
