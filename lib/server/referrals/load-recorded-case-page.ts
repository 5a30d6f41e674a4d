import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getRecordedCase, type RecordedCase } from "./get-recorded-case";

/** The confirmation after an intake (app/(signed-in)/referrals/recorded/[caseId]), or the 404 page. */
export function loadRecordedCasePage(user: UseCaseActor, caseId: string): Promise<RecordedCase> {
  return loadPage((db) => getRecordedCase(db, user, caseId), ["NOT_FOUND", "FORBIDDEN"]);
}
