import { z } from "zod";
import type { JobContext } from "../jobs/job-context";
import { RECOMPUTE_TRANSACTION, recomputeNations } from "./change-calendar";

const payloadSchema = z.object({ nations: z.array(z.enum(["england_and_wales", "scotland", "northern_ireland"])).min(1) });

/**
 * Recompute every stored due date in the given nations against the calendar as it is now
 * (docs/architecture.md: deadlines are derived from events). One transaction: a failure leaves the
 * old dates and the job is retried.
 */
export async function recomputeDueDatesJob(payload: unknown, context: JobContext): Promise<void> {
  const { nations } = payloadSchema.parse(payload);
  await context.db.$transaction((tx) => recomputeNations(tx, nations), RECOMPUTE_TRANSACTION);
}
