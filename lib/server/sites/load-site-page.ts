import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";
import { listSites, type SiteSummary } from "./list-sites";

/** One of the organisation's sites for its edit page (app/(signed-in)/admin/sites/[siteId]), or the 404 page. */
export function loadSitePage(user: UseCaseActor, siteId: string): Promise<SiteSummary> {
  return loadPage(async (db) => {
    const site = (await listSites(db, user)).find((candidate) => candidate.id === siteId);
    if (!site) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
    return site;
  });
}
