/**
 * The referral lifecycle state machine (docs/rules/states.md: case states and PRaP referral
 * transitions): one transition table, what the UI may offer, and what the server accepts.
 * Pure — no I/O, no clock: callers pass `today` and `now`.
 *
 * - lifecycle/actions.ts          the user actions, their labels and typed inputs
 * - lifecycle/transition-table.ts TRANSITION_TABLE (data), the snapshot, route resolution
 * - lifecycle/check-transition.ts availableActions, checkTransition, customerWorkRefusal (3.07)
 * - lifecycle/contact-attempts.ts the "unable to contact" prompt (3.08)
 */
export {
  ACTION_LABELS,
  INTRODUCTION_ACTIONS,
  isLifecycleAction,
  LIFECYCLE_ACTIONS,
  PRAP_ACTIONS,
  SUITABILITY_REASON_LABELS,
  SUITABILITY_REASONS,
  type LifecycleAction,
  type LifecycleCommand,
  type LifecycleInputs,
  type NoInput,
  type RejectInput,
  type Strand,
  type SuitabilityReason,
} from "./lifecycle/actions";
export {
  chapterOf,
  cite,
  INTRODUCTION_STATES,
  lifecycleRouteOf,
  meetsRequirement,
  paragraphsFor,
  RULESET_LIFECYCLE,
  TRANSITION_TABLE,
  type GuidanceChapter,
  type LifecycleSnapshot,
  type LifecycleTransition,
  type PrapEffect,
  type PrapReason,
  type PrapReferralRole,
  type PrapReferralStatus,
  type PrapTarget,
  type RestrictionTier,
  type RulesetLifecycle,
  type SnapshotRequirement,
} from "./lifecycle/transition-table";
export {
  availableActions,
  availableTransitions,
  checkTransition,
  customerWorkRefusal,
  type LifecycleContext,
  type RefusalCode,
  type TransitionAllowed,
  type TransitionCheck,
  type TransitionFlag,
  type TransitionRefused,
} from "./lifecycle/check-transition";
export {
  DEFAULT_UNABLE_TO_CONTACT_THRESHOLD,
  failedAttemptsSinceLastContact,
  unableToContactPrompt,
  UNSUCCESSFUL_CONTACT_OUTCOMES,
  type ContactOutcome,
} from "./lifecycle/contact-attempts";
