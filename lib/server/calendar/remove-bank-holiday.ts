import type { PrismaClient } from "@/lib/db/prisma";
import type { BankHolidayVersionInput } from "@/lib/domain/forms/bank-holiday-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";
import type { BankHolidaySummary } from "./bank-holiday-summary";
import { auditSnapshot, BANK_HOLIDAY_ENTITY_TYPE, findBankHolidayForChange, RECOMPUTE_TRANSACTION, recomputeAfterChange, type CalendarChangeResult } from "./change-calendar";
import { referenceDataChanged } from "../reference/reference-cache";

/** Remove a holiday (optimistic concurrency); its nation's cases are recomputed against the calendar without it. */
export async function removeBankHoliday(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: BankHolidayVersionInput,
): Promise<CalendarChangeResult & { removed: BankHolidaySummary }> {
  assertCan(actor, "manage:calendar:any");
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await findBankHolidayForChange(tx, input.bankHolidayId);
      const deleted = await tx.bankHoliday.deleteMany({ where: { id: input.bankHolidayId, version: input.version } });
      if (deleted.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
      const recompute = await recomputeAfterChange(tx, [before.nation]);
      await recordAudit(tx, actor, {
        action: "bankHoliday.removed",
        entityType: BANK_HOLIDAY_ENTITY_TYPE,
        entityId: input.bankHolidayId,
        before: auditSnapshot(before),
        after: { ...recompute },
      });
      return { ...recompute, removed: before };
    }, RECOMPUTE_TRANSACTION);
  } finally {
    // This process's pages read the new calendar on their next request (reference-cache.ts).
    referenceDataChanged();
  }
}
