import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getFormsOverview, PAPER_FORMS_RESTRICTED_READ_ACTION, type FormsOverview } from "./get-forms-overview";

/** A UC case's paper trail for the paper-form pages (app/(signed-in)/cases/[caseId]/forms/…), or the 404 page. */
export function loadFormsPage(user: UseCaseActor, caseId: string): Promise<FormsOverview> {
  return loadPage((db) => getFormsOverview(db, user, caseId, PAPER_FORMS_RESTRICTED_READ_ACTION));
}
