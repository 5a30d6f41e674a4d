import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { UpdateBankHolidayInput } from "@/lib/domain/forms/bank-holiday-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";
import {
  auditSnapshot,
  BANK_HOLIDAY_ENTITY_TYPE,
  duplicateDate,
  findBankHolidayForChange,
  RECOMPUTE_TRANSACTION,
  recomputeAfterChange,
  type CalendarChangeResult,
} from "./change-calendar";
import { referenceDataChanged } from "../reference/reference-cache";

/**
 * Change a holiday's nation, date, name or notes (optimistic concurrency on `version`). Due
 * dates are recomputed only when the nation or date moved — a new name changes no deadline — and
 * for both nations when it moved between them.
 */
export async function updateBankHoliday(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: UpdateBankHolidayInput,
): Promise<CalendarChangeResult & { datesChanged: boolean }> {
  assertCan(actor, "manage:calendar:any");
  const { bankHolidayId, version, ...fields } = input;
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await findBankHolidayForChange(tx, bankHolidayId);
      const updated = await tx.bankHoliday.updateMany({
        where: { id: bankHolidayId, version },
        data: { nation: fields.nation, date: isoDateToDb(fields.date), title: fields.title, notes: fields.notes, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
      const datesChanged = before.nation !== fields.nation || before.date !== fields.date;
      const recompute = datesChanged ? await recomputeAfterChange(tx, [before.nation, fields.nation]) : { recomputedCases: 0, recomputeQueued: false };
      await recordAudit(tx, actor, {
        action: "bankHoliday.updated",
        entityType: BANK_HOLIDAY_ENTITY_TYPE,
        entityId: bankHolidayId,
        before: auditSnapshot(before),
        after: { ...auditSnapshot({ ...fields, computed: before.computed }), ...recompute },
      });
      return { ...recompute, datesChanged };
    }, RECOMPUTE_TRANSACTION);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateDate();
    throw error;
  } finally {
    // This process's pages read the new calendar on their next request (reference-cache.ts).
    referenceDataChanged();
  }
}
