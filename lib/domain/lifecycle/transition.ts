/**
 * One transition of the state machine (docs/rules/states.md "PRaP referral transitions"): from
 * which states, on which route and ruleset, to which state, what it does to the PRaP referral,
 * and the guidance paragraphs it rests on. Each step declares its transitions
 * (lib/domain/lifecycle/steps/); this file holds their shape and the shape of a refusal.
 */
import type { CaseRoute } from "../case-labels";
import type { CaseState } from "../case-states";
import type { Ruleset } from "../deadlines";
import { ALL_RULESETS, RULESETS_2016, RULESETS_2017 } from "./rulesets";
import type { SnapshotRequirement } from "./snapshot";

/** As prisma/schema.prisma's enum PrapReferralStatus. */
export type PrapReferralStatus =
  | "received"
  | "acknowledged"
  | "accepted"
  | "rejected"
  | "cancelled"
  | "started"
  | "backed_out"
  | "completed"
  | "left_early";
/** As prisma/schema.prisma's enum PrapReason: the labels PRaP itself offers (13.33, 13.34, 3.08, 3.13, 3.14). */
export type PrapReason = "other" | "did_not_start" | "customer_no_longer_suitable";

/**
 * Which of a case's PRaP referrals a transition acts on (docs/rules/states.md "Model", layer 2):
 * - `initial_assessment`: the Ch13 referral to the IA opportunity, only ever acknowledged (13.18);
 * - `strand`: the Ch13 second referral, to SESMP or SESSB (13.26–13.27);
 * - `single`: the Ch3 referral to SES P2 National (3.06).
 */
export type PrapReferralRole = "initial_assessment" | "strand" | "single";

/** `latest`: the strand referral if it has arrived, otherwise the Initial Assessment referral. */
export type PrapTarget = PrapReferralRole | "latest";

export interface PrapEffect {
  referral: PrapTarget;
  status: PrapReferralStatus;
  /** Fixed reason, or undefined when the user's input decides it (rejection). */
  reason?: PrapReason;
}

/** A transition as a step declares it: `requires` and `prap` may be left out when there are none. */
export interface StepTransition {
  /** Stable identifier, e.g. "two_stage.accept_strand_referral"; the audit row records it. */
  id: string;
  from: readonly CaseState[];
  to: CaseState;
  /** The lifecycle route (lifecycleRouteOf), not necessarily the route the case arrived by. */
  routes: readonly CaseRoute[];
  rulesets: readonly Ruleset[];
  /** Guidance paragraphs, both chapters where the transition is shared; a case cites its own chapter. */
  paragraphs: readonly string[];
  requires?: readonly SnapshotRequirement[];
  prap?: PrapEffect;
  /** Rejections only: the PRaP reasons the user may give. */
  reasons?: readonly PrapReason[];
  description: string;
}

/**
 * The process a transition belongs to, named by the first part of its id: the lifecycle route it
 * applies on and the rulesets that follow it (docs/rules/states.md "Referral routes").
 */
const PROCESSES = {
  introduction: { route: "sro_introduction", rulesets: ALL_RULESETS },
  /** JCP's referral of an accepted introduction differs by chapter (13.49, 3.27). */
  introduction_2016: { route: "sro_introduction", rulesets: RULESETS_2016 },
  introduction_2017: { route: "sro_introduction", rulesets: RULESETS_2017 },
  two_stage: { route: "prap_two_stage", rulesets: RULESETS_2016 },
  single: { route: "prap_single", rulesets: RULESETS_2017 },
  clerical: { route: "scr_clerical", rulesets: ALL_RULESETS },
} as const satisfies Record<string, { route: CaseRoute; rulesets: readonly Ruleset[] }>;

/** A transition of one process: `transition("two_stage.acknowledge", { from, to, paragraphs, … })`. */
export function transition(id: `${keyof typeof PROCESSES}.${string}`, rule: Omit<StepTransition, "id" | "routes" | "rulesets">): StepTransition {
  const process = PROCESSES[id.slice(0, id.indexOf(".")) as keyof typeof PROCESSES];
  return { id, routes: [process.route], rulesets: process.rulesets, ...rule };
}

/** Allowed, but worth telling the user (and the audit trail) about. */
export type TransitionFlag =
  /** Cancelled more than 24 clock hours after POST's back-out email (13.35, 3.15). */
  | "late"
  /** 2017: the start date is before the day it is recorded, so work may have preceded it (3.07). */
  | "start_recorded_after_start_date"
  /** Rejected as "unable to contact" with fewer unsuccessful attempts than the threshold (3.08). */
  | "fewer_contact_attempts_than_usual"
  /** "Provision full" recorded while the site's recorded capacity shows places free (13.47, 3.25). */
  | "capacity_shows_places_free";

export type RefusalCode =
  | "unknown_action"
  | "closed"
  | "introduction_not_referral"
  | "clerical_no_prap"
  | "not_in_process"
  | "not_available"
  | "reject_after_acceptance"
  | "cancel_before_acceptance"
  | "cancel_started_without_back_out"
  | "no_back_out_needed"
  | "backed_out_cancel_only"
  | "not_accepted"
  | "not_started"
  | "strand_referral_not_received"
  | "start_date_missing"
  | "back_out_email_missing"
  | "provision_full"
  | "reason_not_in_ruleset"
  | "work_coach_disagreed"
  /** 3.08: "unable to contact" with fewer recorded unsuccessful attempts than the setting. */
  | "too_few_contact_attempts"
  | "invalid_input";

export interface TransitionRefused {
  ok: false;
  code: RefusalCode;
  /** User-facing, plain English, ending with the paragraph in brackets. */
  message: string;
  paragraph: string;
  /** The input field the message belongs to (for the error summary link), when there is one. */
  field?: string;
}

export function refuse(code: RefusalCode, paragraph: string, message: string, field?: string): TransitionRefused {
  return field === undefined ? { ok: false, code, message, paragraph } : { ok: false, code, message, paragraph, field };
}

export function isRefusal(value: unknown): value is TransitionRefused {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

/** What a valid input adds to the transition. */
export interface InputOutcome {
  flags: TransitionFlag[];
  warnings: string[];
  prapReason?: PrapReason;
}

export const NOTHING: InputOutcome = { flags: [], warnings: [] };
