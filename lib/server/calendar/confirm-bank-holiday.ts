import type { PrismaClient } from "@/lib/db/prisma";
import type { BankHolidayVersionInput } from "@/lib/domain/forms/bank-holiday-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";
import type { BankHolidaySummary } from "./bank-holiday-summary";
import { auditSnapshot, BANK_HOLIDAY_ENTITY_TYPE, findBankHolidayForChange } from "./change-calendar";
import { referenceDataChanged } from "../reference/reference-cache";

/**
 * An administrator confirms a date computed from the statutory rules (Scotland and Northern
 * Ireland 2016) against an official source. The date itself does not change, so no due date can
 * move and nothing is recomputed; only the "computed" flag clears.
 */
export async function confirmBankHoliday(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: BankHolidayVersionInput,
): Promise<{ confirmed: BankHolidaySummary }> {
  assertCan(actor, "manage:calendar:any");
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await findBankHolidayForChange(tx, input.bankHolidayId);
      if (!before.computed) throw new UseCaseError("INVALID", "This bank holiday has already been confirmed.");
      const updated = await tx.bankHoliday.updateMany({
        where: { id: input.bankHolidayId, version: input.version, computed: true },
        data: { computed: false, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
      await recordAudit(tx, actor, {
        action: "bankHoliday.confirmed",
        entityType: BANK_HOLIDAY_ENTITY_TYPE,
        entityId: input.bankHolidayId,
        before: auditSnapshot(before),
        after: auditSnapshot({ ...before, computed: false }),
      });
      return { confirmed: { ...before, computed: false, version: before.version + 1 } };
    });
  } finally {
    // This process's pages read the new calendar on their next request (reference-cache.ts).
    referenceDataChanged();
  }
}
