import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getSl2View, type Sl2View } from "./get-sl2-view";

/**
 * The SL2 of an SCR case for its pages (app/(signed-in)/cases/[caseId]/forms/sl2/…), or the 404
 * page for anyone but a nominated officer (AC-01); the read is audited under `restrictedRead` (LG-01).
 */
export function loadSl2Page(user: UseCaseActor, caseId: string, restrictedRead: string): Promise<Sl2View> {
  return loadPage((db) => getSl2View(db, user, caseId, restrictedRead));
}
