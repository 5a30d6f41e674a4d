import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listSiteOptions } from "../sites/list-site-options";
import { listPendingRoleChanges } from "../identity/role-change-requests";
import { getUser } from "./get-user";

/** One user for their edit page (app/(signed-in)/admin/users/[userId]) with the site picker, or the 404 page. */
export function loadUserPage(user: UseCaseActor, userId: string) {
  return loadPage(async (db) => ({
    account: await getUser(db, user, userId),
    sites: await listSiteOptions(db, user.organisationId),
    // Nominated officer role changes waiting for a second administrator (docs/security.md AC-06).
    pendingRoleChanges: await listPendingRoleChanges(db, user, userId),
  }));
}
