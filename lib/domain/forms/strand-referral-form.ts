import { z } from "zod";
import { purchaseOrderProblem } from "@/lib/domain/identifiers";
import { isoDateFromParts, withDateParts } from "./date-parts";
import { recordId, recordVersion, requiredText } from "./fields";

/**
 * The second PRaP referral of the UC two-stage route: after the Initial Assessment recommends a
 * strand, the Work Coach refers the claimant to that strand (13.25–13.27); the provider records it
 * here, then accepts it.
 */
export const recordStrandReferralSchema = withDateParts(
  ["referralDate"],
  z
    .object({
      caseId: recordId,
      version: recordVersion,
      purchaseOrderNumber: z
        .string()
        .trim()
        .transform((value) => value.replace(/\s+/g, ""))
        .superRefine((value, context) => {
          const problem = purchaseOrderProblem(value);
          if (problem) context.addIssue({ code: "custom", message: problem });
        }),
      referralId: requiredText("the PRaP referral ID", 40),
      provisionId: requiredText("the provision ID", 40),
      referralDate: isoDateFromParts({ label: "the date of the strand referral", min: "2015-01-01" }),
    })
    .strict(),
);

export type RecordStrandReferralInput = z.output<typeof recordStrandReferralSchema>;
