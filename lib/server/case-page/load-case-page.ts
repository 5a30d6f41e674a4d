import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getCasePage, type CasePage } from "./get-case-page";

/** The case page's data (app/(signed-in)/cases/[caseId]/page.tsx), or the 404 page. */
export function loadCasePage(user: UseCaseActor, caseId: string): Promise<CasePage> {
  return loadPage((db, clock) => getCasePage(db, user, caseId, clock));
}
