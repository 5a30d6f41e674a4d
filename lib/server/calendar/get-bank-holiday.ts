import type { PrismaClient } from "@/lib/db/prisma";
import { recordId } from "@/lib/domain/forms/fields";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";
import { SUMMARY_SELECT, summaryFrom, type BankHolidaySummary } from "./bank-holiday-summary";

/** One holiday, for its edit page; a malformed or unknown id is NOT_FOUND. */
export async function getBankHoliday(prisma: PrismaClient, actor: UseCaseActor, bankHolidayId: string): Promise<BankHolidaySummary> {
  assertCan(actor, "manage:calendar:any");
  // A malformed id in the URL is simply not found (and never reaches a uuid column as an error).
  if (!recordId.safeParse(bankHolidayId).success) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const row = await prisma.bankHoliday.findUnique({ where: { id: bankHolidayId }, select: SUMMARY_SELECT });
  if (!row) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return summaryFrom(row);
}
