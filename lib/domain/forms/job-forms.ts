import { z } from "zod";

/** An administrator retries or cancels one background job (docs/decisions/0022-background-jobs.md). */
export const jobActionSchema = z
  .object({
    jobId: z.string().trim().regex(/^\d{1,19}$/, "Select a job from the list"),
    operation: z.enum(["retry", "cancel"], { error: "Select retry or cancel" }),
  })
  .strict();
export type JobActionInput = z.output<typeof jobActionSchema>;
