import { z } from "zod";
import { recordId } from "./fields";

/** A manager marks a notice about one of their caseworkers as read (docs/rules/restricted-cases.md "SCR lifecycle"). */
export const markStaffNoticeReadSchema = z.object({ noticeId: recordId }).strict();
export type MarkStaffNoticeReadInput = z.output<typeof markStaffNoticeReadSchema>;
