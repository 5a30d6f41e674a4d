import { z } from "zod";
import { recordId, recordVersion, requiredText } from "./fields";

/** Move a case to another site: which site, and why (recorded in the audit and on the timeline). `.strict()`: AC-04. */
export const transferCaseSchema = z
  .object({
    caseId: recordId,
    version: recordVersion,
    siteId: z
      .string({ error: "Select the site the case moves to" })
      .min(1, "Select the site the case moves to")
      .pipe(z.uuid({ error: "Select the site the case moves to" }))
      .transform((id) => id.toLowerCase()),
    reason: requiredText("why the case is moving", 1000),
  })
  .strict();

export type TransferCaseInput = z.output<typeof transferCaseSchema>;
