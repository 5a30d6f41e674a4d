import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getScrDuplicate } from "./get-scr-duplicate";
import type { PossibleDuplicateRow } from "./get-restricted-queue";

/** The decision page of a possible SCR duplicate (app/(signed-in)/restricted/duplicates/[alertId]), or the 404 page. */
export function loadScrDuplicatePage(user: UseCaseActor, alertId: string): Promise<PossibleDuplicateRow> {
  return loadPage((db) => getScrDuplicate(db, user, alertId));
}
