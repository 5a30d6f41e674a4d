import type { UseCaseActor } from "../../assert-can";
import { loadPage } from "../../load-page";
import { getCaseView } from "../case-view";

export interface StrandReferralPage {
  id: string;
  reference: string;
  version: number;
  claimantName: string;
  strand: "sesmp" | "sessb" | null;
}

/** The strand referral page (app/(signed-in)/cases/[caseId]/strand-referral; 13.25–13.27): the case as the case page shows it, or the 404 page. */
export function loadStrandReferralPage(user: UseCaseActor, caseId: string): Promise<StrandReferralPage> {
  return loadPage(async (db, clock) => {
    const view = await getCaseView(db, user, caseId, clock);
    return { id: view.id, reference: view.reference, version: view.version, claimantName: view.claimant.name, strand: view.strand };
  });
}
