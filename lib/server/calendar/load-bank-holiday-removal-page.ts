import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getRemovalImpact, type RemovalImpact } from "./get-removal-impact";

/** What removing a holiday would do, for its check-your-answers page (…/[bankHolidayId]/remove), or the 404 page. */
export function loadBankHolidayRemovalPage(user: UseCaseActor, bankHolidayId: string): Promise<RemovalImpact> {
  return loadPage((db) => getRemovalImpact(db, user, bankHolidayId));
}
