import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listUsersToSignOut } from "./sign-out-user-everywhere";

/** The "sign a user out everywhere" page (app/(signed-in)/security/sign-out-user): the organisation's active users. */
export function loadSignOutUserPage(actor: UseCaseActor) {
  return loadPage((db) => listUsersToSignOut(db, actor));
}
