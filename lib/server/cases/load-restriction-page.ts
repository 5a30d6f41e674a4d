import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getCaseView, type CaseView } from "./case-view";

/** The change-the-restriction page's case (app/(signed-in)/cases/[caseId]/restriction), or the 404 page. */
export function loadRestrictionPage(user: UseCaseActor, caseId: string): Promise<CaseView> {
  return loadPage((db, clock) => getCaseView(db, user, caseId, clock));
}
