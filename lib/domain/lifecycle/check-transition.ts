/**
 * The guards over TRANSITION_TABLE: what the UI may offer (availableActions) and what the server
 * accepts (checkTransition). Both read the same rows and the same snapshot requirements, so the
 * UI never offers an action the server would refuse for the same case; checkTransition adds
 * only checks of the user's input. Refusals are plain English and cite the paragraph.
 *
 * Pure: `today` and `now` are inputs; nothing here reads a clock or a database.
 */
import { formatLongDate, isIsoDate, todayInLondon, type IsoDate } from "../../calendar/iso-date";
import type { CaseRoute } from "../case-labels";
import { CASE_STATE_LABELS, isClosedState, type CaseState } from "../case-states";
import { ukTimeOfInstant, type Ruleset } from "../deadlines";
import {
  ACTION_LABELS,
  INTRODUCTION_ACTIONS,
  isLifecycleAction,
  PRAP_ACTIONS,
  SUITABILITY_REASONS,
  type LifecycleAction,
  type LifecycleCommand,
  type LifecycleInputs,
} from "./actions";
import { DEFAULT_UNABLE_TO_CONTACT_THRESHOLD } from "./contact-attempts";
import {
  chapterOf,
  cite,
  lifecycleRouteOf,
  meetsRequirement,
  RULESET_LIFECYCLE,
  rowFor,
  rowsFor,
  type LifecycleSnapshot,
  type LifecycleTransition,
  type PrapReason,
  type PrapReferralRole,
  type PrapReferralStatus,
  type SnapshotRequirement,
} from "./transition-table";

export interface LifecycleContext {
  /** The UK calendar date now (todayInLondon(now)). */
  today: IsoDate;
  now: Date;
  /** docs/rules/decisions.md: the "unable to contact" threshold setting (default 3, 3.08). */
  unableToContactThreshold?: number;
}

/** Allowed, but worth telling the user (and the audit trail) about. */
export type TransitionFlag =
  /** Cancelled more than 24 clock hours after POST's back-out email (13.35, 3.15). */
  | "late"
  /** 2017: the start date is before the day it is recorded, so work may have preceded it (3.07). */
  | "start_recorded_after_start_date"
  /** Rejected as "unable to contact" with fewer unsuccessful attempts than the threshold (3.08). */
  | "fewer_contact_attempts_than_usual";

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
  | "must_accept_introduction"
  | "provision_full"
  | "reason_not_in_ruleset"
  | "work_coach_disagreed"
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

export type TransitionCheck = TransitionAllowed | TransitionRefused;

// ─── What the UI offers ─────────────────────────────────────────────────────────────────

/** The rows the case can take now: right route, ruleset and state, and every requirement met. */
export function availableTransitions(snapshot: LifecycleSnapshot): LifecycleTransition[] {
  if (isClosedState(snapshot.state)) return [];
  return rowsFor(snapshot).filter(
    (row) => row.from.includes(snapshot.state) && row.requires.every((requirement) => meetsRequirement(snapshot, requirement)),
  );
}

/** The actions the UI offers for the case, in table order. Never one checkTransition would refuse outright. */
export function availableActions(snapshot: LifecycleSnapshot): LifecycleAction[] {
  return [...new Set(availableTransitions(snapshot).map((row) => row.action))];
}

// ─── What the server accepts ────────────────────────────────────────────────────────────

function refuse(code: RefusalCode, paragraph: string, message: string, field?: string): TransitionRefused {
  return field === undefined ? { ok: false, code, message, paragraph } : { ok: false, code, message, paragraph, field };
}

/** Ch13 says "claimant" before the start and "participant" after; Ch3 says "customer" throughout. */
function personWord(ruleset: Ruleset, started: boolean): string {
  if (chapterOf(ruleset) === "3") return "customer";
  return started ? "participant" : "claimant";
}

function quotedStates(states: readonly CaseState[]): string {
  const quoted = states.map((state) => `“${CASE_STATE_LABELS[state]}”`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

const HOUR_MS = 60 * 60 * 1000;
const BACK_OUT_WINDOW_HOURS = 24;

/** Milliseconds of an ISO instant that states its offset; NaN otherwise. */
function instantMs(value: unknown): number {
  if (typeof value !== "string" || !/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return NaN;
  return Date.parse(value);
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

const PRAP_VERB_PAST: Readonly<Partial<Record<LifecycleAction, string>>> = {
  acknowledge: "acknowledged",
  accept_strand_referral: "accepted",
  accept_referral: "accepted",
  reject: "rejected",
  cancel_did_not_start: "cancelled",
  record_back_out_email: "backed out",
  cancel_after_back_out: "cancelled",
};

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

const BEFORE_ACCEPTANCE: ReadonlySet<CaseState> = new Set<CaseState>(["referred", "acknowledged", "assessment_booked", "recommended"]);

/** Why no row lets this action happen now: the specific rule where there is one, else the general one. */
function explainNoRow(snapshot: LifecycleSnapshot, action: LifecycleAction, route: CaseRoute): TransitionRefused {
  const { state, ruleset } = snapshot;
  const at = (paragraphs: string[]) => cite(paragraphs, ruleset);
  const isPrap = route === "prap_two_stage" || route === "prap_single";

  if (state === "backed_out" && isPrap) {
    const p = at(["13.35", "3.15"]);
    return refuse(
      "backed_out_cancel_only",
      p,
      `The referral has been backed out of PRaP, so the only step left is to cancel it with the reason Did Not Start: “${ACTION_LABELS.cancel_after_back_out}” (${p})`,
    );
  }
  if (action === "reject" && isPrap) {
    if (state === "accepted") {
      const p = at(["13.34", "3.14"]);
      return refuse("reject_after_acceptance", p, `A referral cannot be rejected once it has been accepted: cancel it with the reason Did Not Start instead (${p})`);
    }
    if (state === "started") {
      const p = at(["13.35", "3.15"]);
      return refuse(
        "reject_after_acceptance",
        p,
        `A referral cannot be rejected once it has been accepted, and this one has started: JCP asks POST to back it out, then you cancel it with the reason Did Not Start (${p})`,
      );
    }
  }
  if ((action === "cancel_did_not_start" || action === "cancel_after_back_out") && isPrap) {
    if (BEFORE_ACCEPTANCE.has(state)) {
      const p = at(["13.33", "3.13"]);
      return refuse("cancel_before_acceptance", p, `A referral cannot be cancelled before it has been accepted: reject it with the reason Other instead (${p})`);
    }
    if (state === "started") {
      const p = at(["13.35", "3.15"]);
      return refuse(
        "cancel_started_without_back_out",
        p,
        `A started referral can only be cancelled after POST has backed it out of PRaP: JCP asks POST to do this; record POST’s email, then cancel within 24 hours (${p})`,
      );
    }
  }
  if ((action === "cancel_after_back_out" || action === "record_back_out_email") && isPrap && state === "accepted") {
    const p = at(["13.34", "3.14"]);
    return refuse(
      "no_back_out_needed",
      p,
      `The ${personWord(ruleset, false)} has not started, so there is nothing for POST to back out: cancel the referral with the reason Did Not Start (${p})`,
    );
  }
  if (action === "record_start" && isPrap && BEFORE_ACCEPTANCE.has(state)) {
    if (route === "prap_two_stage") {
      const p = at(["13.26", "13.27"]);
      return refuse("not_accepted", p, `The ${personWord(ruleset, false)} cannot start until the strand referral has been accepted in PRaP (${p})`);
    }
    const p = at(["3.06", "3.07"]);
    return refuse("not_accepted", p, `Accept the referral in PRaP before recording the start date (${p})`);
  }
  if ((action === "record_completion" || action === "record_early_leaving") && state !== "started") {
    if (route === "prap_single" || (isPrap && RULESET_LIFECYCLE[ruleset].startDateBeforeAnyWork)) {
      const p = at(["3.07"]);
      return refuse(
        "not_started",
        p,
        `The customer has not started: their start date must be entered in PRaP before any work with them, so they cannot have completed or left yet (${p})`,
      );
    }
    const p = at(route === "scr_clerical" ? ["13.74", "3.40"] : ["13.13", "3.07"]);
    return refuse("not_started", p, `The ${personWord(ruleset, false)} has not started: record the start date first (${p})`);
  }

  const rowsForAction = rowsFor(snapshot, action);
  if (rowsForAction.length === 0) {
    if (action === "accept_referral" && route === "prap_two_stage") {
      const p = at(["13.18", "13.27"]);
      return refuse(
        "not_in_process",
        p,
        `In the 2016 two-stage process the Initial Assessment referral is only acknowledged, and the strand referral is accepted after the assessment: use “${ACTION_LABELS.accept_strand_referral}” (${p})`,
      );
    }
    if (action === "accept_strand_referral" && route === "prap_single") {
      const p = at(["3.06"]);
      return refuse("not_in_process", p, `In the 2017 process there is one PRaP referral, to SES P2 National: use “${ACTION_LABELS.accept_referral}” (${p})`);
    }
    const process = PROCESS_NAMES[route];
    const p = at(process.paragraphs);
    return refuse("not_in_process", p, `“${ACTION_LABELS[action]}” is not part of the ${process.name} (${p})`);
  }
  const fromStates = [...new Set(rowsForAction.flatMap((row) => row.from))];
  const p = at([...new Set(rowsForAction.flatMap((row) => row.paragraphs))]);
  return refuse(
    "not_available",
    p,
    `“${ACTION_LABELS[action]}” is possible only when the case is ${quotedStates(fromStates)}, and this case is “${CASE_STATE_LABELS[state]}” (${p})`,
  );
}

function requirementRefusal(
  snapshot: LifecycleSnapshot,
  row: LifecycleTransition,
  requirement: SnapshotRequirement,
): TransitionRefused {
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
    case "provision_not_known_to_have_places": {
      const p = at(["13.47", "3.25"]);
      return refuse(
        "must_accept_introduction",
        p,
        `The provision has places free, so a ${personWord(snapshot.ruleset, false)} who is eligible and suitable must be accepted (${p})`,
      );
    }
  }
}

/** What a valid input adds to the transition. */
interface InputOutcome {
  flags: TransitionFlag[];
  warnings: string[];
  prapReason?: PrapReason;
}

const NOTHING: InputOutcome = { flags: [], warnings: [] };

/** Checks of dates typed by the user, each with the paragraph the rule comes from. */
class DateChecks {
  constructor(
    private readonly p: string,
    private readonly today: IsoDate,
  ) {}

  invalid(field: string, message: string): TransitionRefused {
    return refuse("invalid_input", this.p, `${message} (${this.p})`, field);
  }

  /** A real date, not after today. */
  past(value: unknown, field: string, label: string, futureHint = ""): TransitionRefused | IsoDate {
    const date = this.real(value, field, label);
    if (typeof date !== "string") return date;
    if (date > this.today) return this.invalid(field, `${label} cannot be in the future${futureHint}`);
    return date;
  }

  real(value: unknown, field: string, label: string): TransitionRefused | IsoDate {
    if (!isIsoDate(value)) return this.invalid(field, `${label} must be a real date`);
    return value;
  }

  /** null when `date` is on or after `bound` (or there is no bound). */
  notBefore(date: IsoDate, bound: IsoDate | null, field: string, label: string, boundLabel: string): TransitionRefused | null {
    if (bound === null || date >= bound) return null;
    return this.invalid(field, `${label} must be on or after ${boundLabel}, ${formatLongDate(bound)}`);
  }
}

function isRefusal(value: unknown): value is TransitionRefused {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

function nonEmpty(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "";
}

function validateInput(
  snapshot: LifecycleSnapshot,
  row: LifecycleTransition,
  command: LifecycleCommand,
  context: LifecycleContext,
): TransitionRefused | InputOutcome {
  const p = cite(row.paragraphs, snapshot.ruleset);
  const checks = new DateChecks(p, context.today);
  const route = lifecycleRouteOf(snapshot);
  const started = snapshot.state === "started";
  const who = personWord(snapshot.ruleset, started);
  const referralBoundLabel = route === "scr_clerical" ? "the date the SL2 was received" : "the referral date";
  // An SRO-introduced claimant can be assessed at the first meeting, before JCP's referral (13.45).
  const referralBound = snapshot.route === "sro_introduction" ? null : snapshot.referralDate;
  const input: unknown = command.input;
  if (typeof input !== "object" || input === null) return checks.invalid("input", "Enter the details for this step");

  switch (command.action) {
    case "acknowledge":
    case "accept_strand_referral":
    case "accept_referral":
    case "cancel_did_not_start":
      return NOTHING;

    case "accept_introduction": {
      const metOn = checks.past(command.input.metOn, "metOn", "The date of the first meeting");
      if (isRefusal(metOn)) return metOn;
      return NOTHING;
    }

    case "record_not_eligible": {
      const metOn = checks.past(command.input.metOn, "metOn", "The date of the first meeting");
      if (isRefusal(metOn)) return metOn;
      if (!nonEmpty(command.input.reasonCode)) return checks.invalid("reasonCode", "Select the reason for SESSRO1 Part 4");
      return NOTHING;
    }

    case "record_provision_full": {
      const metOn = checks.past(command.input.metOn, "metOn", "The date of the first meeting");
      return isRefusal(metOn) ? metOn : NOTHING;
    }

    case "record_jcp_referral": {
      const referralDate = checks.past(command.input.referralDate, "referralDate", "The referral date");
      return isRefusal(referralDate) ? referralDate : NOTHING;
    }

    case "book_initial_assessment": {
      const assessmentOn = checks.real(command.input.assessmentOn, "assessmentOn", "The Initial Assessment date");
      if (isRefusal(assessmentOn)) return assessmentOn;
      return checks.notBefore(assessmentOn, referralBound, "assessmentOn", "The Initial Assessment date", referralBoundLabel) ?? NOTHING;
    }

    case "record_assessment_recommended": {
      const { strand, anticipatedStartOn, anticipatedEndOn } = command.input;
      const heldOn = checks.past(command.input.heldOn, "heldOn", "The date of the Initial Assessment");
      if (isRefusal(heldOn)) return heldOn;
      const early = checks.notBefore(heldOn, referralBound, "heldOn", "The date of the Initial Assessment", referralBoundLabel);
      if (early) return early;
      if (strand !== "sesmp" && strand !== "sessb") {
        return checks.invalid("strand", "Select the strand: SES Main Provision (SESMP) or SES Start Back (SESSB)");
      }
      const start = checks.real(anticipatedStartOn, "anticipatedStartOn", "The anticipated start date");
      if (isRefusal(start)) return start;
      const startEarly = checks.notBefore(start, heldOn, "anticipatedStartOn", "The anticipated start date", "the date of the Initial Assessment");
      if (startEarly) return startEarly;
      const end = checks.real(anticipatedEndOn, "anticipatedEndOn", "The anticipated end date");
      if (isRefusal(end)) return end;
      return checks.notBefore(end, start, "anticipatedEndOn", "The anticipated end date", "the anticipated start date") ?? NOTHING;
    }

    case "record_assessment_not_suitable": {
      const heldOn = checks.past(command.input.heldOn, "heldOn", "The date of the Initial Assessment");
      if (isRefusal(heldOn)) return heldOn;
      const early = checks.notBefore(heldOn, referralBound, "heldOn", "The date of the Initial Assessment", referralBoundLabel);
      if (early) return early;
      if (command.input.fullyDiscussedWithClaimant !== true) {
        // 13.29–13.30: try to resolve it with the claimant; only after a full discussion agree they are not suitable.
        return checks.invalid(
          "fullyDiscussedWithClaimant",
          `Discuss the suitability issue fully with the ${who}, and try to resolve it, before recording them as not suitable`,
        );
      }
      const spocPhonedOn = command.input.spocPhonedOn;
      if (spocPhonedOn === null || spocPhonedOn === undefined) {
        // A clerical case reports the outcome on the referral form returned to the JCP nominated officer (13.56).
        if (route === "scr_clerical") return NOTHING;
        return checks.invalid("spocPhonedOn", "Enter the date you phoned the JCP SPoC to tell them the outcome and the reason");
      }
      const phoned = checks.past(spocPhonedOn, "spocPhonedOn", "The date you phoned the JCP SPoC");
      if (isRefusal(phoned)) return phoned;
      return checks.notBefore(phoned, heldOn, "spocPhonedOn", "The date you phoned the JCP SPoC", "the date of the Initial Assessment") ?? NOTHING;
    }

    case "record_start": {
      const startedOn = checks.past(command.input.startedOn, "startedOn", "The start date", `: record it on the day the ${personWord(snapshot.ruleset, true)} starts, or later`);
      if (isRefusal(startedOn)) return startedOn;
      const early = checks.notBefore(startedOn, snapshot.referralDate, "startedOn", "The start date", referralBoundLabel);
      if (early) return early;
      if (RULESET_LIFECYCLE[snapshot.ruleset].startDateBeforeAnyWork && route !== "scr_clerical" && startedOn < context.today) {
        return {
          flags: ["start_recorded_after_start_date"],
          warnings: [
            `The start date, ${formatLongDate(startedOn)}, is before today: the start date must be entered in PRaP before any work with the customer, so check none was done before it was entered (${p})`,
          ],
        };
      }
      return NOTHING;
    }

    case "record_completion": {
      const endedOn = checks.past(command.input.endedOn, "endedOn", "The actual end date");
      if (isRefusal(endedOn)) return endedOn;
      return checks.notBefore(endedOn, snapshot.startedOn, "endedOn", "The actual end date", "the start date") ?? NOTHING;
    }

    case "record_early_leaving": {
      const leftOn = checks.past(command.input.leftOn, "leftOn", "The early leaving date");
      if (isRefusal(leftOn)) return leftOn;
      const early = checks.notBefore(leftOn, snapshot.startedOn, "leftOn", "The early leaving date", "the start date");
      if (early) return early;
      if (!nonEmpty(command.input.reasonCode)) return checks.invalid("reasonCode", `Select the reason the ${who} left early`);
      return NOTHING;
    }

    case "reject": {
      const rejection = command.input;
      const allowed = row.reasons ?? ["other"];
      if (rejection.reason !== "other" && rejection.reason !== "customer_no_longer_suitable") {
        return checks.invalid("reason", "Select the reason for rejecting the referral");
      }
      if (!allowed.includes(rejection.reason)) {
        const paragraph = cite(["13.28–13.31", "13.33"], snapshot.ruleset);
        return refuse(
          "reason_not_in_ruleset",
          paragraph,
          `In the 2016 process a claimant who is not suitable is recorded at the Initial Assessment, after phoning the JCP SPoC; reject a referral only when it was made in error, with the reason Other (${paragraph})`,
          "reason",
        );
      }
      if (rejection.reason === "other") return { ...NOTHING, prapReason: "other" };
      if (!SUITABILITY_REASONS.includes(rejection.suitabilityReason)) {
        return checks.invalid("suitabilityReason", "Select why the customer is no longer suitable");
      }
      if (rejection.workCoachAgreed === false) {
        return refuse("work_coach_disagreed", "3.10", "The DEA or work coach did not agree, so the referral must be accepted (3.10)", "workCoachAgreed");
      }
      if (rejection.workCoachAgreed !== true) {
        return checks.invalid("workCoachAgreed", "Select whether the DEA or work coach agreed that the referral should be rejected");
      }
      const contacted = checks.past(rejection.workCoachContactedOn, "workCoachContactedOn", "The date you spoke to the DEA or work coach");
      if (isRefusal(contacted)) return contacted;
      const threshold = context.unableToContactThreshold ?? DEFAULT_UNABLE_TO_CONTACT_THRESHOLD;
      if (rejection.suitabilityReason === "unable_to_contact" && snapshot.failedContactAttempts < threshold) {
        return {
          flags: ["fewer_contact_attempts_than_usual"],
          warnings: [
            `Only ${plural(snapshot.failedContactAttempts, "unsuccessful contact attempt is", "unsuccessful contact attempts are")} recorded; “unable to contact” usually means at least ${threshold} (${cite(["3.08"], snapshot.ruleset)})`,
          ],
          prapReason: "customer_no_longer_suitable",
        };
      }
      return { ...NOTHING, prapReason: "customer_no_longer_suitable" };
    }

    case "record_back_out_email": {
      const receivedMs = instantMs(command.input.receivedAt);
      if (Number.isNaN(receivedMs)) return checks.invalid("receivedAt", "Enter the date and time POST’s back-out email arrived");
      if (receivedMs > context.now.getTime()) return checks.invalid("receivedAt", "The time POST’s email arrived cannot be in the future");
      const receivedOn = todayInLondon(new Date(receivedMs));
      return checks.notBefore(receivedOn, snapshot.startedOn, "receivedAt", "POST’s back-out email", "the start date") ?? NOTHING;
    }

    case "cancel_after_back_out": {
      const emailMs = instantMs(snapshot.backOutEmailAt);
      if (Number.isNaN(emailMs)) {
        throw new TypeError(`backOutEmailAt must be an ISO instant with a time zone, got ${JSON.stringify(snapshot.backOutEmailAt)}`);
      }
      // docs/rules/decisions.md: 24 clock hours from the email's timestamp; later is allowed, and flagged.
      const dueMs = emailMs + BACK_OUT_WINDOW_HOURS * HOUR_MS;
      const nowMs = context.now.getTime();
      if (nowMs <= dueMs) return NOTHING;
      const dueIso = new Date(dueMs).toISOString();
      const hoursLate = Math.ceil((nowMs - dueMs) / HOUR_MS);
      return {
        flags: ["late"],
        warnings: [
          `This cancellation is ${plural(hoursLate, "hour")} late: the 24 hours after POST’s email ran out at ${ukTimeOfInstant(dueIso)} on ${formatLongDate(todayInLondon(new Date(dueMs)))} (UK time) (${p})`,
        ],
      };
    }
  }
}

function checkContext(context: LifecycleContext): void {
  if (!isIsoDate(context.today)) throw new TypeError(`context.today must be an ISO date, got ${JSON.stringify(context.today)}`);
  if (!(context.now instanceof Date) || Number.isNaN(context.now.getTime())) throw new TypeError("context.now must be a valid Date");
  const threshold = context.unableToContactThreshold;
  if (threshold !== undefined && (!Number.isSafeInteger(threshold) || threshold < 1)) {
    throw new RangeError(`unableToContactThreshold must be a whole number ≥ 1, got ${String(threshold)}`);
  }
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
  checkContext(context);
  const route = lifecycleRouteOf(snapshot);
  if (!isLifecycleAction(action)) {
    const p = cite(PROCESS_NAMES[route].paragraphs, snapshot.ruleset);
    return refuse("unknown_action", p, `That is not a step this case can take (${p})`);
  }
  if (isClosedState(snapshot.state)) return closedRefusal(snapshot);

  if (route === "sro_introduction" && !INTRODUCTION_ACTIONS.has(action)) {
    const who = personWord(snapshot.ruleset, false);
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
      `The ${who} has been introduced by a Statutory Referral Organisation, not referred: confirm eligibility and suitability at the first meeting (SESSRO1); JCP makes the PRaP referral after that (${p})`,
    );
  }

  if (route === "scr_clerical" && PRAP_ACTIONS.has(action)) {
    const p = cite(["13.53", "13.74", "3.31", "3.40"], snapshot.ruleset);
    return refuse(
      "clerical_no_prap",
      p,
      `A clerical SL2 referral for a Special Customer Record is not ${PRAP_VERB_PAST[action] ?? "changed"} in PRaP: there is no PRaP referral, and provider action starts at initial engagement (${p})`,
    );
  }

  const row = rowFor(snapshot, action);
  if (row === undefined) return explainNoRow(snapshot, action, route);

  const unmet = row.requires.find((requirement) => !meetsRequirement(snapshot, requirement));
  if (unmet !== undefined) return requirementRefusal(snapshot, row, unmet);

  const outcome = validateInput(snapshot, row, { action, input } as LifecycleCommand, context);
  if (isRefusal(outcome)) return outcome;

  const prap = row.prap;
  const prapReferral: PrapReferralRole | null =
    prap === null ? null : prap.referral === "latest" ? (snapshot.hasStrandReferral ? "strand" : "initial_assessment") : prap.referral;
  return {
    ok: true,
    action,
    transitionId: row.id,
    from: snapshot.state,
    to: row.to,
    paragraph: cite(row.paragraphs, snapshot.ruleset),
    prapReferral,
    prapReferralStatus: prap?.status ?? null,
    prapReason: prap === null ? null : (prap.reason ?? outcome.prapReason ?? null),
    flags: outcome.flags,
    warnings: outcome.warnings,
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
