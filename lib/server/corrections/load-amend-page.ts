import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getAmendPage, type AmendPage } from "./get-amend-page";

export function loadAmendPage(user: UseCaseActor, caseId: string): Promise<AmendPage> {
  return loadPage((db) => getAmendPage(db, user, caseId));
}
