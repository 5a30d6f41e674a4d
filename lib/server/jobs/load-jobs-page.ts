import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listJobs } from "./list-jobs";

/** The administrators' jobs page. */
export function loadJobsPage(user: UseCaseActor) {
  return loadPage((db) => listJobs(db, user));
}
