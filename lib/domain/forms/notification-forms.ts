import { z } from "zod";
import { recordId } from "./fields";

/** A person marks one of their own reminder digests as read (docs/decisions/0022-background-jobs.md). */
export const markNotificationReadSchema = z.object({ notificationId: recordId }).strict();
export type MarkNotificationReadInput = z.output<typeof markNotificationReadSchema>;
