import { loadPage } from "../load-page";
import { getCasePage, type CasePage, type CasePageActor, type CasePageParts } from "./get-case-page";

/** The case page's data (app/(signed-in)/cases/[caseId]/page.tsx and its sections), or the 404 page: only the parts the section shows. */
export function loadCasePage(user: CasePageActor, caseId: string, parts?: CasePageParts): Promise<CasePage> {
  return loadPage((db, clock) => getCasePage(db, user, caseId, clock, parts));
}
