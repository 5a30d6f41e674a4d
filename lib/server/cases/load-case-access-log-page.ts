import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listCaseAccessLog, type AccessLogPage } from "./list-case-access-log";

/** One page of a case's access log (app/(signed-in)/cases/[caseId]/access-log), or the 404 page. */
export function loadCaseAccessLogPage(user: UseCaseActor, caseId: string, page: number): Promise<AccessLogPage> {
  return loadPage((db) => listCaseAccessLog(db, user, caseId, page));
}
