import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getSettingsOverview, type SettingsOverview } from "./get-settings-overview";

/** The settings and contacts page (app/(signed-in)/admin/settings). */
export function loadSettingsPage(user: UseCaseActor): Promise<SettingsOverview> {
  return loadPage((db) => getSettingsOverview(db, user));
}
