import { z } from "zod";

/** The administrator's confirmation before records past retention are deleted (docs/security.md DP-02). */
export const runRetentionSchema = z
  .object({
    confirm: z.literal("yes", { error: "Confirm that the records listed will be deleted permanently" }),
  })
  .strict();

export type RunRetentionInput = z.infer<typeof runRetentionSchema>;
