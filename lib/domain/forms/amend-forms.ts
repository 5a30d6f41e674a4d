import { z } from "zod";
import { AMENDABLE_DATE_FIELDS, type AmendableDate } from "@/lib/domain/corrections/amend";
import { isoDateFromParts, withDateParts } from "./date-parts";
import { recordId, recordVersion, requiredText } from "./fields";

/** "Amend with reason" forms (docs/rules/states.md: corrections). `.strict()`: no extra keys (AC-04). */

const correctionReason = requiredText("the reason for the correction", 1000);

export const amendCaseDateSchema = withDateParts(
  ["date"],
  z
    .object({
      caseId: recordId,
      version: recordVersion,
      field: z.enum(AMENDABLE_DATE_FIELDS as [AmendableDate, ...AmendableDate[]], { error: "Select the date to correct" }),
      date: isoDateFromParts({ label: "the corrected date" }),
      reason: correctionReason,
    })
    .strict(),
);
export type AmendCaseDateInput = z.output<typeof amendCaseDateSchema>;

/** The step shown to the administrator (its audit row) must still be the last one when they confirm. */
export const undoLastStepSchema = z
  .object({
    caseId: recordId,
    version: recordVersion,
    stepEventId: z.string().regex(/^\d{1,18}$/, "Reload the page and try again."),
    reason: correctionReason,
  })
  .strict();
export type UndoLastStepInput = z.output<typeof undoLastStepSchema>;
