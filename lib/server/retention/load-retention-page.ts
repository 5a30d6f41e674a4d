import type { RetentionReport } from "@/lib/domain/retention";
import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { previewRetention } from "./apply-retention";

/** The retention page (app/(signed-in)/admin/retention): today's dry run. */
export function loadRetentionPage(user: UseCaseActor): Promise<RetentionReport> {
  return loadPage((db, clock) => previewRetention(db, user, clock.today, clock.now));
}
