import type { NationCode } from "@/lib/domain/nation";
import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getCalendarCoverage } from "./get-calendar-coverage";
import { getRecomputeStatus } from "./get-recompute-status";
import { listBankHolidays } from "./list-bank-holidays";

/** The bank-holiday calendar page (app/(signed-in)/admin/bank-holidays): one year's holidays, every nation's coverage and where queued recomputes are. */
export function loadBankHolidaysPage(user: UseCaseActor, filter: { year: number; nation?: NationCode }) {
  return loadPage(async (db) => {
    const [holidays, coverage, recompute] = await Promise.all([
      listBankHolidays(db, user, filter),
      getCalendarCoverage(db, user),
      getRecomputeStatus(db, user),
    ]);
    return { holidays, coverage, recompute };
  });
}
