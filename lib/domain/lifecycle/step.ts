/**
 * The shape of one lifecycle step, declared once in lib/domain/lifecycle/steps/<step>.ts
 * (docs/rules/states.md): its action id and who may take it, its transitions (the state machine's
 * rows), its own refusals and input checks, and — for a step with a page under
 * /cases/[caseId]/act/<slug> — its copy, its form, its check-your-answers rows and what it writes.
 *
 * Everything else is derived from the declarations: the "what to do next" links on the case page,
 * the step page, the server's guard (checkTransition), the transaction's writes and the audit row.
 */
import { formatLongDate, type IsoDate } from "../../calendar/iso-date";
import type { CaseRoute } from "../case-labels";
import type { Ruleset } from "../deadlines";
import type { Permission } from "../permissions";
import type { InputChecks } from "./input-checks";
import type { LifecycleSnapshot } from "./snapshot";
import type { StepForm } from "./step-form";
import type { Strand } from "./strand-referral";
import type { InputOutcome, StepTransition, TransitionRefused } from "./transition";

/** An action that needs nothing beyond the case itself. */
export type NoInput = Record<string, never>;

/** What a step's own refusal sees when none of its transitions applies to the case now. */
export interface GuardFacts {
  snapshot: LifecycleSnapshot;
  route: CaseRoute;
  /** The case follows one of the PRaP processes (two-stage or single). */
  isPrap: boolean;
  /** The case's route and ruleset have transitions for this step, from other states. */
  hasTransitions: boolean;
  /** Paragraphs in the case's chapter. */
  cite(paragraphs: readonly string[]): string;
  /** "claimant"/"participant" (Ch13) or "customer" (Ch3). */
  person(started: boolean): string;
  /** Another step's label, to point the user at it. */
  labelOf(action: string): string;
}

export interface LifecycleStep<A extends string = string, Input = unknown> {
  action: A;
  /** Link, page heading and button text, spelled as the guidance spells things. */
  label: string;
  /** Who may take the step: the case page, the step page, the server action and the use-case check it. */
  permission: Permission;
  transitions: readonly StepTransition[];
  /**
   * A step taken in PRaP itself, so a clerical SL2 case never has it (13.53, 13.74, 3.31, 3.40);
   * the past tense completes its refusal ("is not acknowledged in PRaP").
   */
  prapVerb?: string;
  /** The step's own explanation when no transition applies now, where the general one would be vague. */
  whyNot?(facts: GuardFacts): TransitionRefused | null;
  /** Checks of the input the form cannot make (dates against today and the case), each citing a paragraph. */
  checkInput?(input: Input, checks: InputChecks): TransitionRefused | InputOutcome;
  /** Its page, or null when it is recorded elsewhere (the SESSRO1 pages record the SRO introduction's steps). */
  page: StepPage<Input> | null;
}

/** What the step page and the check-answers rows know about the case. */
export interface PageContext {
  ruleset: Ruleset;
  /** Today in London: the business date's default (docs/rules/decisions.md: business dates). */
  today?: IsoDate;
  /** Early-leaving reasons from the administrator-editable list (13.36, 3.16). */
  earlyLeavingReasons: readonly { code: string; label: string }[];
  /** The Initial Assessment date agreed on the Warm Handover call (13.11, 13.15), when one was. */
  agreedInitialAssessmentOn?: IsoDate | null;
}

/** One row of the check-your-answers list; `change` completes "Change" for screen readers (no link without it). */
export interface AnswerRow {
  key: string;
  value: string;
  change?: string;
}

/** A date on the check-answers list, GOV.UK style; "Not given" when it was left blank. */
export function answerDate(date: IsoDate | null): string {
  return date ? formatLongDate(date) : "Not given";
}

export function yesOrNo(answer: boolean): string {
  return answer ? "Yes" : "No";
}

export interface StepPage<Input> {
  /** What the step does, in a sentence, above its questions. */
  explanation: string;
  form: StepForm<Input>;
  /**
   * A step that closes the referral cannot be undone: a check-your-answers page comes before the
   * server is asked, with these rows; `warning` makes the confirm button red (rejections, cancellations).
   */
  checkAnswers?: { warning: boolean; rows(input: Input, context: PageContext): AnswerRow[] };
  writes: StepWrites<Input>;
}

// ─── What a step writes, as data; lib/server/cases/lifecycle/apply-lifecycle-action.ts applies it ───

/** As prisma/schema.prisma's enum ReasonKind, for the closure reasons. */
export type ClosureReasonKind = "rejection" | "cancellation" | "not_suitable" | "early_leaving";

export type CaseDateColumn = "initialAssessmentOn" | "welcomeCallOn" | "firstMetOn" | "anticipatedStartOn" | "anticipatedEndOn" | "startedOn" | "endedOn";

/** Columns of the case a step sets, besides its state (and closedAt when the state closes it). */
export interface CaseChange {
  dates?: Partial<Record<CaseDateColumn, IsoDate>>;
  strand?: Strand;
  backOutEmailAt?: Date;
  cancelledAt?: Date;
  /** 3.07: what the welcome call arranged. */
  welcomeCall?: AuditDetails;
}

/** The Initial Assessment's record (13.19–13.22). */
export interface AssessmentRecord {
  heldOn: IsoDate;
  outcome: "recommended" | "not_recommended";
  strand: Strand | null;
  anticipatedStartOn: IsoDate | null;
  anticipatedEndOn: IsoDate | null;
  spocPhonedOn: IsoDate | null;
}

export type AuditDetails = Record<string, string | number | boolean | null>;

export interface StepWrites<Input> {
  /** The closure reason, from the administrator-editable list; its label goes to the audit row and the form part. */
  closureReason?: {
    kind: ClosureReasonKind;
    code(input: Input): string;
    /** The field a missing reason is reported against, and the message (default: "not in the list"). */
    field?: string;
    missing?: string;
  };
  /** The case columns it sets; `snapshot` is the case as the state machine read it before the step. */
  case?(input: Input, now: Date, snapshot: LifecycleSnapshot): CaseChange;
  assessment?(input: Input): AssessmentRecord;
  /**
   * The part of the UC452 (Ch13) or Customer Exit Tracker (Ch3, 3.16) the step completes: its
   * fields, or the provider's contact details only (part 7, 13.22, 13.31).
   */
  formPart?: { part: "part_6" | "part_7" | "part_8a" | "part_8b"; fields: ((input: Input, reasonLabel: string | null) => AuditDetails) | "provider_contact" };
  /** What the audit row records besides the state, the action, the transition and the closure reason's label. */
  audit?(input: Input): AuditDetails;
}

/**
 * Declares a step with its input type: `defineStep<{ startedOn: IsoDate }>()({ action: "record_start", … })`.
 * The action and whether it has a page stay in the type, so the actions and the inputs are derived from the steps.
 */
export function defineStep<Input = NoInput>() {
  return <const A extends string, Page extends StepPage<Input> | null>(step: LifecycleStep<A, Input> & { page: Page }) => step;
}
