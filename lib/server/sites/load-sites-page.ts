import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listSites, type SiteSummary } from "./list-sites";

/** The administrator's sites (app/(signed-in)/admin/sites). */
export function loadSitesPage(user: UseCaseActor): Promise<SiteSummary[]> {
  return loadPage((db) => listSites(db, user));
}
