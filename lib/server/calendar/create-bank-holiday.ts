import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { CreateBankHolidayInput } from "@/lib/domain/forms/bank-holiday-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { auditSnapshot, BANK_HOLIDAY_ENTITY_TYPE, duplicateDate, RECOMPUTE_TRANSACTION, recomputeAfterChange, type CalendarChangeResult } from "./change-calendar";
import { referenceDataChanged } from "../reference/reference-cache";

/** A new bank holiday for one nation; its cases' due dates are recomputed (queued, or inline without a job queue) in the same transaction. */
export async function createBankHoliday(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: CreateBankHolidayInput,
): Promise<CalendarChangeResult & { bankHolidayId: string }> {
  assertCan(actor, "manage:calendar:any");
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.bankHoliday.create({
        data: { nation: input.nation, date: isoDateToDb(input.date), title: input.title, notes: input.notes },
        select: { id: true },
      });
      const recompute = await recomputeAfterChange(tx, [input.nation]);
      await recordAudit(tx, actor, {
        action: "bankHoliday.created",
        entityType: BANK_HOLIDAY_ENTITY_TYPE,
        entityId: created.id,
        after: { ...auditSnapshot({ ...input, computed: false }), ...recompute },
      });
      return { bankHolidayId: created.id, ...recompute };
    }, RECOMPUTE_TRANSACTION);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateDate();
    throw error;
  } finally {
    // This process's pages read the new calendar on their next request (reference-cache.ts).
    referenceDataChanged();
  }
}
