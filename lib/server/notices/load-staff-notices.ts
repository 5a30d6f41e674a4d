import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listStaffNotices } from "./list-staff-notices";

/** The manager's notices on the dashboard (app/(signed-in)/dashboard). */
export function loadStaffNotices(user: UseCaseActor) {
  return loadPage((db) => listStaffNotices(db, user));
}
