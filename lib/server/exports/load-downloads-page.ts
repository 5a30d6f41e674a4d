import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listExportFiles } from "./list-export-files";

/** The downloads page: the user's own background export files. */
export function loadDownloadsPage(user: UseCaseActor) {
  return loadPage((db, clock) => listExportFiles(db, user, clock.now));
}
