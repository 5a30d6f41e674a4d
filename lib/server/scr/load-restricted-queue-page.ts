import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getRestrictedQueue, type RestrictedQueue } from "./get-restricted-queue";

/** The nominated officer's queue (app/(signed-in)/restricted); for anyone else the 404 page. */
export function loadRestrictedQueuePage(user: UseCaseActor): Promise<RestrictedQueue> {
  return loadPage((db, clock) => getRestrictedQueue(db, user, clock));
}
