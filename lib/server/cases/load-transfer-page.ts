import { nationDisplayName } from "@/lib/calendar/nations";
import { nationFromCode } from "@/lib/domain/nation";
import type { UseCaseActor } from "../assert-can";
import { getCasePage, type CasePage } from "../case-page/get-case-page";
import { loadPage } from "../load-page";

export interface TransferPage {
  page: CasePage;
  /** The organisation's other active sites, with the nation whose working days they count. */
  sites: { id: string; name: string; nation: string }[];
}

/** The "move to another site" page: the case, and the sites it can move to. */
export function loadTransferPage(user: UseCaseActor, caseId: string): Promise<TransferPage> {
  return loadPage(async (db, clock) => {
    const page = await getCasePage(db, user, caseId, clock);
    const sites = await db.site.findMany({
      where: { organisationId: user.organisationId, active: true, id: { not: page.view.siteId } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, nation: true },
    });
    return { page, sites: sites.map((site) => ({ id: site.id, name: site.name, nation: nationDisplayName(nationFromCode(site.nation)) })) };
  });
}
