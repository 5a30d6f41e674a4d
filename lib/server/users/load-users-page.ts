import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listUsers, type UserSummary } from "./list-users";

/** The administrator's users (app/(signed-in)/admin/users). */
export function loadUsersPage(user: UseCaseActor): Promise<UserSummary[]> {
  return loadPage((db) => listUsers(db, user));
}
