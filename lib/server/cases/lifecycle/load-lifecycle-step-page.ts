import { actionFromSlug } from "@/lib/domain/forms/lifecycle-forms";
import { can } from "@/lib/domain/permissions";
import { stepFor } from "@/lib/domain/lifecycle/steps";
import type { UseCaseActor } from "../../assert-can";
import { loadPage } from "../../load-page";
import { getLifecycleStepPage, type LifecycleStepPage } from "./lifecycle-page";

/**
 * A step page (app/(signed-in)/cases/[caseId]/act/[action]): null when there is no such step or
 * the user may not take it, and the 404 page for a case they may not see — a 404 either way.
 */
export async function loadLifecycleStepPage(
  user: UseCaseActor,
  caseId: string,
  slug: string,
  query: Record<string, string | string[] | undefined>,
): Promise<LifecycleStepPage | null> {
  const action = actionFromSlug(slug);
  if (action === null || !can(user.roles, stepFor(action).permission)) return null;
  return loadPage((db, clock) => getLifecycleStepPage(db, user, caseId, action, query, clock));
}
