import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getCaseView, type CaseView } from "./case-view";
import { previousAssigneeOf } from "./previous-assignee";

export interface RestrictionPage {
  view: CaseView;
  /** Clearing SCR: the caseworker the case was taken from when it was marked SCR, to offer it back to. */
  previousAssignee: { id: string; name: string } | null;
}

/** The change-the-restriction page's case (app/(signed-in)/cases/[caseId]/restriction), or the 404 page. */
export function loadRestrictionPage(user: UseCaseActor, caseId: string): Promise<RestrictionPage> {
  return loadPage(async (db, clock) => {
    const view = await getCaseView(db, user, caseId, clock);
    const previous = view.restrictionTier === "scr" && view.assignedCaseworkerId === null ? await previousAssigneeOf(db, view.id, user.organisationId) : null;
    return { view, previousAssignee: previous ? { id: previous.id, name: previous.name } : null };
  });
}
