import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listMyCasesDueThisWeek } from "./list-my-cases-due";

/** The home page's "My cases due this week" (app/(signed-in)/page.tsx). */
export function loadMyCasesDue(user: UseCaseActor) {
  return loadPage((db, clock) => listMyCasesDueThisWeek(db, user, clock.today, clock.now));
}
