import type { CurrentUser } from "@/lib/auth/current-user";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { getPrisma } from "@/lib/db/client";
import { actionFromSlug } from "@/lib/domain/forms/lifecycle-forms";
import { can } from "@/lib/domain/permissions";
import { stepFor } from "@/lib/domain/lifecycle/steps";
import { getCaseView } from "../case-view";
import { getLifecycleStepPage, type LifecycleStepPage } from "./lifecycle-page";

/**
 * The loaders of the lifecycle pages: each opens the database itself, so a page in app/ never
 * holds the client, and hands it to the use-case function that takes it first (as tests do).
 */

function clockNow() {
  const now = new Date();
  return { today: todayInLondon(now), now };
}

/** A step page (/cases/[caseId]/act/<slug>); null when there is no such step or the user may not take it (a 404 either way). */
export async function loadLifecycleStepPage(
  user: CurrentUser,
  caseId: string,
  slug: string,
  query: Record<string, string | string[] | undefined>,
): Promise<LifecycleStepPage | null> {
  const action = actionFromSlug(slug);
  if (action === null || !can(user.roles, stepFor(action).permission)) return null;
  return getLifecycleStepPage(await getPrisma(), user, caseId, action, query, clockNow());
}

/** The strand referral page (13.25–13.27): the case as the case page shows it. */
export async function loadStrandReferralPage(user: CurrentUser, caseId: string) {
  const view = await getCaseView(await getPrisma(), user, caseId, clockNow());
  return { id: view.id, reference: view.reference, version: view.version, claimantName: view.claimant.name, strand: view.strand };
}
