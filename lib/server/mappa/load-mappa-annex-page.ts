import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getMappaAnnex, type MappaAnnexView } from "./get-mappa-annex";

/**
 * The annex for its pages (app/(signed-in)/cases/[caseId]/mappa/…): nominated officers only;
 * everyone else — and any id that is not a MAPPA case this officer may see — gets the same 404 as
 * an id that never existed (AC-01). Any signed-in user reaches the use-case, so a refusal is
 * logged (LG-03); each load is one audited restricted read (LG-01).
 */
export function loadMappaAnnexPage(user: UseCaseActor, caseId: string): Promise<MappaAnnexView> {
  return loadPage((db) => getMappaAnnex(db, user, caseId), ["NOT_FOUND", "FORBIDDEN"]);
}
