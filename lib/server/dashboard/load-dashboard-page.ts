import type { AtRiskSort, DashboardFilters } from "@/lib/domain/dashboard/filters";
import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { loadDashboard } from "./load-dashboard";

/** The manager dashboard (app/(signed-in)/dashboard) as of today in London. */
export function loadDashboardPage(user: UseCaseActor, filters: DashboardFilters, atRiskPage: number, atRiskSort?: AtRiskSort) {
  return loadPage((db, clock) => loadDashboard(db, user, filters, clock.today, { atRiskPage, atRiskSort, now: clock.now }));
}
