/**
 * Every lifecycle step, in the order the case page offers them (docs/rules/states.md "Lifecycle").
 * A step is declared once, in its own file here; what the rest of the app knows about steps —
 * the actions, their labels and inputs, the transition table — is derived below.
 *
 * Steps change the state, with one kind of exception: a step of the process that records an event
 * and leaves the state alone (the welcome call, 3.07), so its page, guard and audit label still
 * derive from one declaration. Other events (UC452/UCPR1 received, JCP SPoC chased, contact
 * attempts, the strand referral received in PRaP, notes, assignment) are recorded elsewhere.
 */
import type { LifecycleStep } from "../step";
import type { PrapEffect, StepTransition } from "../transition";
import { acceptIntroduction } from "./accept-introduction";
import { acceptReferral } from "./accept-referral";
import { acceptStrandReferral } from "./accept-strand-referral";
import { acknowledge } from "./acknowledge";
import { bookInitialAssessment } from "./book-initial-assessment";
import { cancelAfterBackOut } from "./cancel-after-back-out";
import { cancelDidNotStart } from "./cancel-did-not-start";
import { closeScrNotEngaged } from "./close-scr-not-engaged";
import { recordAssessmentNotSuitable } from "./record-assessment-not-suitable";
import { recordAssessmentRecommended } from "./record-assessment-recommended";
import { recordBackOutEmail } from "./record-back-out-email";
import { recordCompletion } from "./record-completion";
import { recordEarlyLeaving } from "./record-early-leaving";
import { recordJcpReferral } from "./record-jcp-referral";
import { recordNotEligible } from "./record-not-eligible";
import { recordProvisionFull } from "./record-provision-full";
import { recordStart } from "./record-start";
import { recordWelcomeCall } from "./record-welcome-call";
import { recordWorkCoachDisagreement } from "./record-work-coach-disagreement";
import { reject } from "./reject";

export const LIFECYCLE_STEPS = [
  // SRO introduction, before JCP's PRaP referral (13.40–13.51, 3.19–3.29)
  acceptIntroduction,
  recordNotEligible,
  recordProvisionFull,
  recordJcpReferral,
  // PRaP: the Initial Assessment referral (Ch13) or the single referral (Ch3), then the start
  acknowledge,
  bookInitialAssessment,
  recordAssessmentRecommended,
  recordAssessmentNotSuitable,
  acceptStrandReferral,
  acceptReferral,
  // 3.07: the welcome call, before the first day (it leaves the state alone)
  recordWelcomeCall,
  reject,
  // 3.10: the DEA/Work Coach did not agree the customer is unsuitable (it leaves the state alone)
  recordWorkCoachDisagreement,
  recordStart,
  // Side exits after acceptance (13.34–13.35, 3.14–3.15), then the exits of a started participant
  cancelDidNotStart,
  // SCR: closed by the nominated officer when it never starts (13.74, 3.40)
  closeScrNotEngaged,
  recordBackOutEmail,
  cancelAfterBackOut,
  recordCompletion,
  recordEarlyLeaving,
] as const;

type Step = (typeof LIFECYCLE_STEPS)[number];
export type LifecycleAction = Step["action"];
type InputOf<S> = S extends LifecycleStep<string, infer Input> ? Input : never;
/** What each action needs from its form (or, for the SRO introduction, from the SESSRO1 page). */
export type LifecycleInputs = { [S in Step as S["action"]]: InputOf<S> };
/** The steps with a page under /cases/[caseId]/act/<slug>: all but the SRO introduction's, which have their SESSRO1 pages. */
export type LifecycleFormAction = Exclude<Step, { page: null }>["action"];

export const LIFECYCLE_ACTIONS: readonly LifecycleAction[] = LIFECYCLE_STEPS.map((step) => step.action);

const STEPS_BY_ACTION: ReadonlyMap<string, Step> = new Map(LIFECYCLE_STEPS.map((step) => [step.action, step]));

/** For a server action or a page that receives the action name from outside. */
export function isLifecycleAction(value: unknown): value is LifecycleAction {
  return typeof value === "string" && STEPS_BY_ACTION.has(value);
}

export function stepFor<A extends LifecycleAction>(action: A): LifecycleStep<A, LifecycleInputs[A]> {
  const step = STEPS_BY_ACTION.get(action);
  if (!step) throw new RangeError(`Not a lifecycle step: ${JSON.stringify(action)}`);
  return step as unknown as LifecycleStep<A, LifecycleInputs[A]>;
}

/** Link, page-heading and button text of each step. */
export const ACTION_LABELS = Object.fromEntries(LIFECYCLE_STEPS.map((step) => [step.action, step.label])) as Readonly<Record<LifecycleAction, string>>;

/** Steps taken in PRaP itself, so a clerical SL2 case never has them (13.53, 13.74, 3.31, 3.40). */
export const PRAP_ACTIONS: ReadonlySet<LifecycleAction> = new Set(LIFECYCLE_STEPS.filter((step) => "prapVerb" in step).map((step) => step.action));

/** The SRO introduction's own steps, before JCP's PRaP referral exists (13.44–13.51, 3.23–3.29). */
export const INTRODUCTION_ACTIONS: ReadonlySet<LifecycleAction> = new Set(
  LIFECYCLE_STEPS.filter((step) => step.transitions.some((transition) => transition.routes.includes("sro_introduction"))).map((step) => step.action),
);

/** One row of the state machine: a step's transition, with its action and nothing left out. */
export type LifecycleTransition = Omit<StepTransition, "requires" | "prap"> & {
  action: LifecycleAction;
  requires: NonNullable<StepTransition["requires"]>;
  prap: PrapEffect | null;
};

/** The state machine as one table of data, in step order (docs/rules/states.md "PRaP referral transitions"). */
export const TRANSITION_TABLE: readonly LifecycleTransition[] = LIFECYCLE_STEPS.flatMap((step) =>
  step.transitions.map((transition) => ({ ...transition, action: step.action, requires: transition.requires ?? [], prap: transition.prap ?? null })),
);
