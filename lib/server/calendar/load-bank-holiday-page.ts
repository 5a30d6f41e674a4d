import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import type { BankHolidaySummary } from "./bank-holiday-summary";
import { getBankHoliday } from "./get-bank-holiday";

/** One bank holiday for its edit page (app/(signed-in)/admin/bank-holidays/[bankHolidayId]), or the 404 page. */
export function loadBankHolidayPage(user: UseCaseActor, bankHolidayId: string): Promise<BankHolidaySummary> {
  return loadPage((db) => getBankHoliday(db, user, bankHolidayId));
}
