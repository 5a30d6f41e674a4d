import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { getSessro1View, type Sessro1View } from "./get-sessro1-view";
import { listNotEligibleReasons } from "./list-not-eligible-reasons";

/** The first-meeting page (app/(signed-in)/cases/[caseId]/sro/first-meeting): the SESSRO1 and, while it is still to record, the Part 4 reasons. */
export function loadFirstMeetingPage(user: UseCaseActor, caseId: string): Promise<{ form: Sessro1View; reasons: { value: string; text: string }[] }> {
  return loadPage(async (db) => {
    const form = await getSessro1View(db, user, caseId);
    return { form, reasons: form.state === "introduced" ? await listNotEligibleReasons(db) : [] };
  });
}
