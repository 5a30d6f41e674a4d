import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getUc452PrintView, type Uc452PrintView } from "./get-uc452-print-view";

/** The UC452 print view (app/(signed-in)/cases/[caseId]/forms/uc452/print), or the 404 page. */
export function loadUc452PrintPage(user: UseCaseActor, caseId: string): Promise<Uc452PrintView> {
  return loadPage((db) => getUc452PrintView(db, user, caseId));
}
