import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getSessro1View, type Sessro1View } from "./get-sessro1-view";

/**
 * A case's SESSRO1 for its pages (app/(signed-in)/cases/[caseId]/sro/…), or the same 404 as an id
 * that never existed (AC-01); `readAction` names the audit row of a restricted case's read (LG-01).
 */
export function loadSessro1Page(user: UseCaseActor, caseId: string, readAction?: string): Promise<Sessro1View> {
  return loadPage((db) => getSessro1View(db, user, caseId, readAction));
}
