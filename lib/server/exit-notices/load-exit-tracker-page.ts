import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getExitTrackerPage, type ExitTrackerPage } from "./get-exit-tracker-page";

/** The Customer Exit Tracker page (app/(signed-in)/cases/[caseId]/forms/exit-tracker), or the 404 page. */
export function loadExitTrackerPage(user: UseCaseActor, caseId: string): Promise<ExitTrackerPage> {
  return loadPage((db) => getExitTrackerPage(db, user, caseId));
}
