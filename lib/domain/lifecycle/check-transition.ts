/**
 * The guards over the steps' transitions: what the UI may offer (availableActions) and what the
 * server accepts (checkTransition). Both read the same transitions and the same snapshot
 * requirements, so the UI never offers an action the server would refuse for the same case;
 * checkTransition adds only the step's checks of the user's input. Refusals are plain English and
 * cite the paragraph.
 *
 * Pure: `today` and `now` are inputs; nothing here reads a clock or a database.
 */
import { isIsoDate } from "../../calendar/iso-date";
import type { CaseRoute } from "../case-labels";
import { CASE_STATE_LABELS, isClosedState, type CaseState } from "../case-states";
import type { Ruleset } from "../deadlines";
import { listInEnglish } from "../wording";
import { InputChecks, type LifecycleContext } from "./input-checks";
import { cite, personWord, RULESET_LIFECYCLE } from "./rulesets";
import { lifecycleRouteOf, meetsRequirement, type LifecycleSnapshot, type SnapshotRequirement } from "./snapshot";
import type { GuardFacts } from "./step";
import {
  ACTION_LABELS,
  INTRODUCTION_ACTIONS,
  isLifecycleAction,
  PRAP_ACTIONS,
  stepFor,
  TRANSITION_TABLE,
  type LifecycleAction,
  type LifecycleInputs,
  type LifecycleTransition,
} from "./steps";
import {
  isRefusal,
  NOTHING,
  refuse,
  type InputOutcome,
  type PrapReason,
  type PrapReferralRole,
  type PrapReferralStatus,
  type TransitionFlag,
  type TransitionRefused,
} from "./transition";

export interface TransitionAllowed {
  ok: true;
  action: LifecycleAction;
  transitionId: string;
  from: CaseState;
  to: CaseState;
  /** The paragraphs the transition rests on, in the case's chapter. */
  paragraph: string;
  /** Which PRaP referral changes, and how; all null for a clerical or SRO-introduction step. */
  prapReferral: PrapReferralRole | null;
  prapReferralStatus: PrapReferralStatus | null;
  prapReason: PrapReason | null;
  flags: TransitionFlag[];
  /** One plain-English sentence per flag, for the confirmation page and the audit reason. */
  warnings: string[];
}

export type TransitionCheck = TransitionAllowed | TransitionRefused;

/** The transitions the case's route and ruleset have for an action (from any state). */
function transitionsFor(snapshot: LifecycleSnapshot, route: CaseRoute, action?: LifecycleAction): LifecycleTransition[] {
  return TRANSITION_TABLE.filter(
    (row) => row.routes.includes(route) && row.rulesets.includes(snapshot.ruleset) && (action === undefined || row.action === action),
  );
}

// ─── What the UI offers ─────────────────────────────────────────────────────────────────

/** The transitions the case can take now: right route, ruleset and state, and every requirement met. */
export function availableTransitions(snapshot: LifecycleSnapshot): LifecycleTransition[] {
  if (isClosedState(snapshot.state)) return [];
  return transitionsFor(snapshot, lifecycleRouteOf(snapshot)).filter(
    (row) => row.from.includes(snapshot.state) && row.requires.every((requirement) => meetsRequirement(snapshot, requirement)),
  );
}

/** The actions the UI offers for the case, in step order. Never one checkTransition would refuse outright. */
export function availableActions(snapshot: LifecycleSnapshot): LifecycleAction[] {
  return [...new Set(availableTransitions(snapshot).map((row) => row.action))];
}

// ─── What the server accepts ────────────────────────────────────────────────────────────

function quotedStates(states: readonly CaseState[]): string {
  return listInEnglish(
    states.map((state) => `“${CASE_STATE_LABELS[state]}”`),
    "or",
  );
}

const CLOSED_EXPLANATIONS: Readonly<Partial<Record<CaseState, { text: (ruleset: Ruleset) => string; paragraphs: string[] }>>> = {
  completed: { text: (r) => `the ${personWord(r, true)} completed the provision`, paragraphs: ["13.37", "3.16"] },
  left_early: {
    text: (r) => `the ${personWord(r, true)} left early, and SES has no re-referrals`,
    paragraphs: ["13.36", "13.39", "3.16", "3.18"],
  },
  rejected: { text: () => "the referral was rejected", paragraphs: ["13.33", "3.08", "3.13"] },
  cancelled: {
    text: () => "the referral was cancelled with the reason Did Not Start",
    paragraphs: ["13.34", "13.35", "3.14", "3.15"],
  },
  not_suitable: {
    text: (r) => `the Initial Assessment found the ${personWord(r, false)} not suitable`,
    paragraphs: ["13.28–13.31", "3.31"],
  },
  not_eligible: {
    text: () => "the person introduced was not eligible or not suitable (SESSRO1 Part 4)",
    paragraphs: ["13.51", "3.29"],
  },
  provision_full: { text: () => "the provision was full when the person was introduced", paragraphs: ["13.47", "3.25"] },
};

function closedRefusal(snapshot: LifecycleSnapshot): TransitionRefused {
  const explanation = CLOSED_EXPLANATIONS[snapshot.state] ?? {
    text: () => `the case is “${CASE_STATE_LABELS[snapshot.state]}”`,
    paragraphs: [],
  };
  const p = cite(explanation.paragraphs, snapshot.ruleset);
  return refuse(
    "closed",
    p,
    `This case is closed: ${explanation.text(snapshot.ruleset)} (${p}). Nothing more can be recorded on it; an administrator can correct a mistake with “amend with reason”.`,
  );
}

const PROCESS_NAMES: Readonly<Record<CaseRoute, { name: string; paragraphs: string[] }>> = {
  prap_two_stage: {
    name: "2016 two-stage PRaP process (an Initial Assessment referral, then a strand referral)",
    paragraphs: ["13.18", "13.26", "13.27"],
  },
  prap_single: { name: "2017 single-referral PRaP process (one referral, to SES P2 National)", paragraphs: ["3.06"] },
  sro_introduction: { name: "SRO introduction", paragraphs: ["13.44", "13.49", "3.23", "3.27"] },
  scr_clerical: {
    name: "clerical SL2 process for Special Customer Records",
    paragraphs: ["13.53", "13.74", "3.31", "3.40"],
  },
};

/** Why no transition lets this action happen now: the step's own explanation where it has one, else the general one. */
function explainNoTransition(snapshot: LifecycleSnapshot, action: LifecycleAction, route: CaseRoute): TransitionRefused {
  const { state, ruleset } = snapshot;
  const at = (paragraphs: readonly string[]) => cite(paragraphs, ruleset);
  const isPrap = route === "prap_two_stage" || route === "prap_single";

  if (state === "backed_out" && isPrap) {
    const p = at(["13.35", "3.15"]);
    return refuse(
      "backed_out_cancel_only",
      p,
      `The referral has been backed out of PRaP, so the only step left is to cancel it with the reason Did Not Start: “${ACTION_LABELS.cancel_after_back_out}” (${p})`,
    );
  }
  const transitions = transitionsFor(snapshot, route, action);
  const facts: GuardFacts = {
    snapshot,
    route,
    isPrap,
    hasTransitions: transitions.length > 0,
    cite: at,
    person: (started) => personWord(ruleset, started),
    labelOf: (other) => (isLifecycleAction(other) ? ACTION_LABELS[other] : other),
  };
  const own = stepFor(action).whyNot?.(facts);
  if (own) return own;

  if (transitions.length === 0) {
    const process = PROCESS_NAMES[route];
    const p = at(process.paragraphs);
    return refuse("not_in_process", p, `“${ACTION_LABELS[action]}” is not part of the ${process.name} (${p})`);
  }
  const fromStates = [...new Set(transitions.flatMap((row) => row.from))];
  const p = at([...new Set(transitions.flatMap((row) => row.paragraphs))]);
  return refuse(
    "not_available",
    p,
    `“${ACTION_LABELS[action]}” is possible only when the case is ${quotedStates(fromStates)}, and this case is “${CASE_STATE_LABELS[state]}” (${p})`,
  );
}

function requirementRefusal(snapshot: LifecycleSnapshot, row: LifecycleTransition, requirement: SnapshotRequirement): TransitionRefused {
  const at = (paragraphs: readonly string[]) => cite(paragraphs, snapshot.ruleset);
  switch (requirement) {
    case "strand_referral_received": {
      const p = at(["13.26"]);
      return refuse(
        "strand_referral_not_received",
        p,
        `The second PRaP referral, to the strand, has not arrived: the Work Coach makes it after receiving the UC452. Accept it once it has arrived (${p})`,
      );
    }
    case "start_date_recorded": {
      const p = at(row.paragraphs);
      return refuse(
        "start_date_missing",
        p,
        `This case is “Started” but has no start date, so it cannot move on: ask an administrator to correct it with “amend with reason” (${p})`,
      );
    }
    case "back_out_email_recorded": {
      const p = at(["13.35", "3.15"]);
      return refuse("back_out_email_missing", p, `Record when POST’s back-out email arrived before cancelling the referral (${p})`);
    }
    case "provision_not_full": {
      // 13.47, 3.25: "must accept" only when the provision is not full — checked against the
      // site's capacity, not assumed. Full: the outcome to record is "provision full".
      const p = at(["13.47", "3.25"]);
      return refuse(
        "provision_full",
        p,
        `The provision at this site is full: every place in its recorded capacity is taken, so the introduction cannot be accepted. Record that the provision is full and tell the SRO (${p})`,
        "outcome",
      );
    }
    case "welcome_call_not_recorded": {
      const p = at(["3.07"]);
      return refuse("not_available", p, `The welcome call is already recorded on ${snapshot.welcomeCallOn ?? "this case"} (${p})`);
    }
  }
}

/** The step may be taken on this case now, by this transition — before any input is looked at. */
interface TransitionOpen {
  ok: true;
  action: LifecycleAction;
  transition: LifecycleTransition;
}

/**
 * Whether the case can take the step now, whatever the input: the step page asks this before it
 * shows the questions, and checkTransition asks it first. Refused: the state machine's reason.
 */
function guardTransition(snapshot: LifecycleSnapshot, action: LifecycleAction): TransitionOpen | TransitionRefused {
  const route = lifecycleRouteOf(snapshot);
  if (!isLifecycleAction(action)) {
    const p = cite(PROCESS_NAMES[route].paragraphs, snapshot.ruleset);
    return refuse("unknown_action", p, `That is not a step this case can take (${p})`);
  }
  if (isClosedState(snapshot.state)) return closedRefusal(snapshot);

  if (route === "sro_introduction" && !INTRODUCTION_ACTIONS.has(action)) {
    if (snapshot.state === "introduction_accepted") {
      const p = cite(["13.49", "3.27"], snapshot.ruleset);
      return refuse(
        "introduction_not_referral",
        p,
        `JCP has not made the PRaP referral yet: record JCP’s PRaP referral when it arrives, then carry on as for any referral (${p})`,
      );
    }
    const p = cite(["13.44", "13.49", "3.23", "3.27"], snapshot.ruleset);
    return refuse(
      "introduction_not_referral",
      p,
      `The ${personWord(snapshot.ruleset, false)} has been introduced by a Statutory Referral Organisation, not referred: confirm eligibility and suitability at the first meeting (SESSRO1); JCP makes the PRaP referral after that (${p})`,
    );
  }

  if (route === "scr_clerical" && PRAP_ACTIONS.has(action)) {
    const p = cite(["13.53", "13.74", "3.31", "3.40"], snapshot.ruleset);
    return refuse(
      "clerical_no_prap",
      p,
      `A clerical SL2 referral for a Special Customer Record is not ${stepFor(action).prapVerb} in PRaP: there is no PRaP referral, and provider action starts at initial engagement (${p})`,
    );
  }

  const transition = transitionsFor(snapshot, route, action).find((row) => row.from.includes(snapshot.state));
  if (transition === undefined) return explainNoTransition(snapshot, action, route);

  const unmet = transition.requires.find((requirement) => !meetsRequirement(snapshot, requirement));
  if (unmet !== undefined) return requirementRefusal(snapshot, transition, unmet);
  return { ok: true, action, transition };
}

function checkContext(context: LifecycleContext): void {
  if (!isIsoDate(context.today)) throw new TypeError(`context.today must be an ISO date, got ${JSON.stringify(context.today)}`);
  if (!(context.now instanceof Date) || Number.isNaN(context.now.getTime())) throw new TypeError("context.now must be a valid Date");
  const threshold = context.unableToContactThreshold;
  if (threshold !== undefined && (!Number.isSafeInteger(threshold) || threshold < 1)) {
    throw new RangeError(`unableToContactThreshold must be a whole number ≥ 1, got ${String(threshold)}`);
  }
}

/** The step's own checks of the input, after the common one that there is an input at all. */
function checkInput<A extends LifecycleAction>(
  snapshot: LifecycleSnapshot,
  open: TransitionOpen,
  input: LifecycleInputs[A],
  context: LifecycleContext,
): TransitionRefused | InputOutcome {
  const checks = new InputChecks(snapshot, open.transition, context);
  if (typeof input !== "object" || input === null) return checks.invalid("input", "Enter the details for this step");
  const step = stepFor(open.action as A);
  return step.checkInput ? step.checkInput(input, checks) : NOTHING;
}

/**
 * Whether `action` with `input` may happen to the case now, and what it changes. The server
 * calls this inside the transaction, on the state it just read, before writing anything.
 */
export function checkTransition<A extends LifecycleAction>(
  snapshot: LifecycleSnapshot,
  action: A,
  input: LifecycleInputs[A],
  context: LifecycleContext,
): TransitionCheck {
  const verdict = decide(snapshot, action, input, context);
  if (verdict.kind === "open") throw new TypeError("checkTransition needs the step's input");
  return verdict.kind === "allowed" ? verdict.check : verdict.refusal;
}

/**
 * The state machine's one answer for a step page: the step is unavailable now (whatever the
 * input), open (no input yet), refused for this input, or allowed with these consequences.
 */
export type StepVerdict =
  | { kind: "unavailable"; refusal: TransitionRefused }
  | { kind: "open" }
  | { kind: "refused"; refusal: TransitionRefused }
  | { kind: "allowed"; check: TransitionAllowed };

export function stepVerdict<A extends LifecycleAction>(
  snapshot: LifecycleSnapshot,
  action: A,
  input: LifecycleInputs[A] | null,
  context: LifecycleContext,
): StepVerdict {
  return decide(snapshot, action, input ?? NO_INPUT_YET, context);
}

/** The step page before anything is typed: only the guards are asked. */
const NO_INPUT_YET = Symbol("no input yet");

function decide<A extends LifecycleAction>(
  snapshot: LifecycleSnapshot,
  action: A,
  input: LifecycleInputs[A] | typeof NO_INPUT_YET,
  context: LifecycleContext,
): StepVerdict {
  checkContext(context);
  const open = guardTransition(snapshot, action);
  if (!open.ok) return { kind: "unavailable", refusal: open };
  if (input === NO_INPUT_YET) return { kind: "open" };
  const outcome = checkInput(snapshot, open, input, context);
  if (isRefusal(outcome)) return { kind: "refused", refusal: outcome };

  const { transition } = open;
  const prap = transition.prap;
  const prapReferral: PrapReferralRole | null =
    prap === null ? null : prap.referral === "latest" ? (snapshot.hasStrandReferral ? "strand" : "initial_assessment") : prap.referral;
  return {
    kind: "allowed",
    check: {
      ok: true,
      action,
      transitionId: transition.id,
      from: snapshot.state,
      to: transition.to,
      paragraph: cite(transition.paragraphs, snapshot.ruleset),
      prapReferral,
      prapReferralStatus: prap?.status ?? null,
      prapReason: prap === null ? null : (prap.reason ?? outcome.prapReason ?? null),
      flags: outcome.flags,
      warnings: outcome.warnings,
    },
  };
}

// ─── 3.07: no work with a 2017 customer before the start date is in PRaP ───────────────

/**
 * 3.07: "You must not start working with the customer until their start date has been entered
 * in PRaP." What this forbids, precisely (2017 PRaP cases only; Ch13 asks only that the start
 * date be input and tracked, 13.13, and an SCR case has no PRaP, 3.40):
 * - in the lifecycle: completion and early leaving before the start is recorded (refused with
 *   3.07), and a start date in the future (the start is recorded when it happens, not planned);
 *   a start date before today is allowed but flagged, because work may have come first;
 * - outside it: any provision work — action plans, support sessions, activities, progress
 *   reviews — while the case is referred or accepted. Arranging the start is not "work with the
 *   customer": the welcome call, contact attempts, notes and forms stay allowed (3.07 itself
 *   puts the welcome call before the first day).
 * Returns the refusal other modules show when they would record provision work, else null.
 */
export function customerWorkRefusal(snapshot: LifecycleSnapshot): TransitionRefused | null {
  if (!RULESET_LIFECYCLE[snapshot.ruleset].startDateBeforeAnyWork) return null;
  const route = lifecycleRouteOf(snapshot);
  if (route !== "prap_single" && route !== "prap_two_stage") return null;
  if (snapshot.state !== "referred" && snapshot.state !== "acknowledged" && snapshot.state !== "accepted") return null;
  const p = cite(["3.07"], snapshot.ruleset);
  return refuse("not_started", p, `Record the customer’s start date, once it is entered in PRaP, before working with them (${p})`);
}

