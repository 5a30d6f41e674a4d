import { z } from "zod";
import { ninoProblem, normaliseNino } from "../identifiers";

/**
 * The subject access request form (docs/security.md DP-03): one National Insurance number, posted
 * in the body (never the URL, HD-05). Shared by the page and the export route.
 */
export const subjectAccessSchema = z
  .object({
    nino: z
      .string()
      .max(20, "Enter a National Insurance number in the correct format, like QQ 12 34 56 C")
      .superRefine((value, context) => {
        const problem = ninoProblem(value);
        if (problem) context.addIssue({ code: "custom", message: problem });
      })
      .transform(normaliseNino),
  })
  .strict();

export type SubjectAccessInput = z.infer<typeof subjectAccessSchema>;
