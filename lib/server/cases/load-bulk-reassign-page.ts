import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getBulkReassignPage, type BulkReassignPage } from "./get-bulk-reassign-page";

/** The bulk reassignment pages (app/(signed-in)/cases/reassign). */
export function loadBulkReassignPage(user: UseCaseActor, selected: readonly { caseId: string; version: number }[]): Promise<BulkReassignPage> {
  return loadPage((db) => getBulkReassignPage(db, user, selected));
}
