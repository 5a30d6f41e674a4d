/**
 * What the pages show about the lifecycle steps, derived from the step declarations: the case
 * page's "What to do next" and its confirmation after a step, and a step page's check-your-answers
 * rows. Pure presenters, unit-tested without a browser.
 */
import { CASE_STATE_LABELS, type CaseState } from "../case-states";
import { actionFromSlug, actionSlug, isLifecycleFormAction, stepPage, type LifecycleFormAction } from "../forms/lifecycle-forms";
import { can, type Role } from "../permissions";
import { availableActions } from "./check-transition";
import { lifecycleRouteOf, type LifecycleSnapshot } from "./snapshot";
import type { AnswerRow, PageContext } from "./step";
import { ACTION_LABELS, LIFECYCLE_STEPS, stepFor, type LifecycleInputs } from "./steps";
import { awaitsStrandReferral } from "./strand-referral";

export interface WhatToDoNext {
  /** The steps the state machine offers now that have a page, in step order. */
  actions: LifecycleFormAction[];
  /** 13.25–13.27: the strand referral must arrive (and be recorded) before it can be accepted. */
  awaitingStrandReferral: boolean;
  /** An SRO introduction before JCP's referral: its next step is on its SESSRO1 (13.44–13.49, 3.23–3.27). */
  onSessro1: boolean;
}

/** The case page's "What to do next": one question to the state machine. */
export function whatToDoNext(snapshot: LifecycleSnapshot, strand: string | null): WhatToDoNext {
  return {
    actions: availableActions(snapshot).filter(isLifecycleFormAction),
    awaitingStrandReferral: awaitsStrandReferral({ ...snapshot, strand }),
    onSessro1: lifecycleRouteOf(snapshot) === "sro_introduction",
  };
}

/** Whether these roles may take any lifecycle step at all; if not, the case page shows no "What to do next". */
export function mayTakeLifecycleSteps(roles: readonly Role[]): boolean {
  return LIFECYCLE_STEPS.some((step) => can(roles, step.permission));
}

export interface WhatToDoNextLinks {
  steps: { label: string; href: string }[];
  /** 13.25–13.27: the link to record the strand referral, while it is awaited. */
  strandReferralHref: string | null;
}

/**
 * The case page's "What to do next" as links: one per step the state machine offers that these
 * roles may take, each to its own page. Null for an SRO introduction before JCP's referral (its
 * next step is in the SESSRO1 section).
 */
export function whatToDoNextLinks(roles: readonly Role[], caseId: string, next: WhatToDoNext): WhatToDoNextLinks | null {
  if (next.onSessro1) return null;
  return {
    steps: next.actions
      .filter((action) => can(roles, stepFor(action).permission))
      .map((action) => ({ label: ACTION_LABELS[action], href: `/cases/${caseId}/act/${actionSlug(action)}` })),
    strandReferralHref: next.awaitingStrandReferral ? `/cases/${caseId}/strand-referral` : null,
  };
}

/** "Record early leaving" → "record early leaving", for a sentence. */
function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The check-your-answers heading and confirm button: "Check your answers: record early leaving". */
export function checkAnswersCopy(action: LifecycleFormAction): { heading: string; confirm: string } {
  const label = inSentence(ACTION_LABELS[action]);
  return { heading: `Check your answers: ${label}`, confirm: `Confirm: ${label}` };
}

/**
 * The case page's success banner after a step (`?done=<slug>`): "Done: record early leaving. The
 * case is now “Left early”." Null when `done` names no step.
 */
export function confirmationFor(done: string, state: CaseState): string | null {
  const action = actionFromSlug(done);
  return action === null ? null : `Done: ${inSentence(ACTION_LABELS[action])}. The case is now “${CASE_STATE_LABELS[state]}”.`;
}

/** The check-your-answers rows of an irreversible step: the step itself, then its answers. */
export function checkAnswerRows<A extends LifecycleFormAction>(action: A, input: LifecycleInputs[A], context: PageContext): AnswerRow[] {
  const rows = stepPage(action).checkAnswers?.rows(input, context) ?? [];
  return [{ key: "Step", value: ACTION_LABELS[action] }, ...rows];
}
