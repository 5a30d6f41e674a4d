import type { WorkQueueQuery } from "@/lib/domain/work-queue/query";
import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listQueueFilterOptions, type QueueFilterOptions } from "./list-queue-filter-options";
import { listWorkQueue, type WorkQueuePage } from "./list-work-queue";

/** The work queue (app/(signed-in)/cases): one view, filtered and sorted, a page at a time, with the filters' options. */
export function loadWorkQueuePage(
  user: UseCaseActor,
  query: WorkQueueQuery & { search: string | null },
): Promise<WorkQueuePage & { options: QueueFilterOptions }> {
  return loadPage(async (db, clock) => {
    const [queue, options] = await Promise.all([
      listWorkQueue(db, user, { ...query, ...clock }),
      listQueueFilterOptions(db, user, query.filters.site),
    ]);
    return { ...queue, options };
  });
}
