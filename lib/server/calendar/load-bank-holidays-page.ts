import type { NationCode } from "@/lib/domain/nation";
import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getCalendarCoverage } from "./get-calendar-coverage";
import { listBankHolidays } from "./list-bank-holidays";

/** The bank-holiday calendar page (app/(signed-in)/admin/bank-holidays): one year's holidays and every nation's coverage. */
export function loadBankHolidaysPage(user: UseCaseActor, filter: { year: number; nation?: NationCode }) {
  return loadPage(async (db) => {
    const [holidays, coverage] = await Promise.all([listBankHolidays(db, user, filter), getCalendarCoverage(db, user)]);
    return { holidays, coverage };
  });
}
