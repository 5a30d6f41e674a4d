import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listSiteOptions } from "./list-site-options";

/** The organisation's open sites for a page's site picker (new referral, SRO introduction, SL2, user). */
export function loadSiteOptions(user: UseCaseActor): Promise<{ id: string; name: string }[]> {
  return loadPage((db) => listSiteOptions(db, user.organisationId));
}
