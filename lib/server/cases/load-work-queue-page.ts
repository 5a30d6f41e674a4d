import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listWorkQueue, type WorkQueuePage, type WorkQueueSort, type WorkQueueView } from "./list-work-queue";

/** The work queue (app/(signed-in)/cases): one view, sorted, a page at a time. */
export function loadWorkQueuePage(
  user: UseCaseActor,
  options: { view: WorkQueueView; sort: WorkQueueSort; page: number; search: string | null },
): Promise<WorkQueuePage> {
  return loadPage((db, clock) => listWorkQueue(db, user, { ...options, ...clock }));
}
