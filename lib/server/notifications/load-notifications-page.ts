import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { caseLinksFor, listNotifications } from "./list-notifications";

/** The notifications page: the person's reminder digests, newest first. */
export function loadNotificationsPage(user: UseCaseActor) {
  return loadPage(async (db) => {
    const notifications = await listNotifications(db, user);
    return { notifications, caseLinks: await caseLinksFor(db, user, notifications) };
  });
}

