import type { CurrentUser } from "@/lib/auth/current-user";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { getPrisma } from "@/lib/db/client";
import { actionFromSlug, actionSlug } from "@/lib/domain/forms/lifecycle-forms";
import { can } from "@/lib/domain/permissions";
import { ACTION_LABELS, LIFECYCLE_STEPS, stepFor } from "@/lib/domain/lifecycle/steps";
import { getCaseView } from "../case-view";
import { getLifecycleCase, getLifecycleStepPage, type LifecycleStepPage } from "./lifecycle-page";

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

export interface WhatToDoNextLinks {
  steps: { label: string; href: string }[];
  /** 13.25–13.27: the link to record the strand referral, while it is awaited. */
  strandReferralHref: string | null;
}

/**
 * The case page's "What to do next": a link per step the state machine offers that this user may
 * take. Null when the user may take no lifecycle step, or for an SRO introduction before JCP's
 * referral (its next step is in the SESSRO1 section).
 */
export async function loadWhatToDoNext(user: CurrentUser, caseId: string): Promise<WhatToDoNextLinks | null> {
  if (!LIFECYCLE_STEPS.some((step) => can(user.roles, step.permission))) return null;
  const lifecycleCase = await getLifecycleCase(await getPrisma(), user, caseId);
  if (lifecycleCase.onSessro1) return null;
  return {
    steps: lifecycleCase.actions
      .filter((action) => can(user.roles, stepFor(action).permission))
      .map((action) => ({ label: ACTION_LABELS[action], href: `/cases/${lifecycleCase.id}/act/${actionSlug(action)}` })),
    strandReferralHref: lifecycleCase.awaitingStrandReferral ? `/cases/${lifecycleCase.id}/strand-referral` : null,
  };
}

/** The strand referral page (13.25–13.27): the case as the case page shows it. */
export async function loadStrandReferralPage(user: CurrentUser, caseId: string) {
  const view = await getCaseView(await getPrisma(), user, caseId, clockNow());
  return { id: view.id, reference: view.reference, version: view.version, claimantName: view.claimant.name, strand: view.strand };
}
