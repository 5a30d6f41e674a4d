import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { countUnreadStaffNotices, listStaffNotices } from "./list-staff-notices";

/** The manager's unread notices and their count, on the dashboard (app/(signed-in)/dashboard). */
export function loadStaffNotices(user: UseCaseActor) {
  return loadPage(async (db) => ({ notices: await listStaffNotices(db, user), unread: await countUnreadStaffNotices(db, user) }));
}
