/**
 * The checks a step makes of the user's input, beyond what its form can know: dates against today
 * and the case's own dates (lib/domain/business-dates.ts, one wording for both rules), each
 * refusal citing the transition's paragraphs. A step's `checkInput` receives one of these.
 */
import { isIsoDate, type IsoDate } from "../../calendar/iso-date";
import { dateBeforeProblem, futureDateProblem } from "../business-dates";
import type { CaseRoute } from "../case-labels";
import { cite, personWord } from "./rulesets";
import { lifecycleRouteOf, type LifecycleSnapshot } from "./snapshot";
import { NOTHING, refuse, type InputOutcome, type StepTransition, type TransitionRefused } from "./transition";

export interface LifecycleContext {
  /** The UK calendar date now (todayInLondon(now)). */
  today: IsoDate;
  now: Date;
  /** docs/rules/decisions.md: the "unable to contact" threshold setting (default 3, 3.08). */
  unableToContactThreshold?: number;
}

export class InputChecks {
  /** The transition's paragraphs in the case's chapter: every refusal here ends with them. */
  readonly p: string;
  readonly route: CaseRoute;
  /** "claimant", "participant" or "customer", as the case's chapter says it in its state. */
  readonly who: string;
  /**
   * The earliest date a recorded event can have: the referral date (the SL2's for a clerical
   * case), or none for an SRO-introduced claimant, who can be met before JCP's referral (13.45).
   */
  readonly referralBound: IsoDate | null;
  readonly referralBoundLabel: string;

  constructor(
    readonly snapshot: LifecycleSnapshot,
    /** The transition the step takes: its paragraphs, and (rejections) the reasons it allows. */
    readonly transition: Pick<StepTransition, "paragraphs" | "reasons">,
    readonly context: LifecycleContext,
  ) {
    this.p = cite(transition.paragraphs, snapshot.ruleset);
    this.route = lifecycleRouteOf(snapshot);
    this.who = personWord(snapshot.ruleset, snapshot.state === "started");
    this.referralBound = snapshot.route === "sro_introduction" ? null : snapshot.referralDate;
    this.referralBoundLabel = this.route === "scr_clerical" ? "the date the SL2 was received" : "the referral date";
  }

  /** The paragraphs of one chapter, for a rule that rests on other paragraphs than the transition's. */
  cite(paragraphs: readonly string[]): string {
    return cite(paragraphs, this.snapshot.ruleset);
  }

  invalid(field: string, message: string): TransitionRefused {
    return refuse("invalid_input", this.p, `${message} (${this.p})`, field);
  }

  /** A real date, not after today; `futureHint` completes the refusal ("…: record it on the day…"). */
  past(value: unknown, field: string, label: string, futureHint = ""): TransitionRefused | IsoDate {
    const date = this.real(value, field, label);
    if (typeof date !== "string") return date;
    const problem = futureDateProblem(label, date, this.context.today);
    return problem === null ? date : this.invalid(field, `${problem}${futureHint}`);
  }

  /** A step whose only check is a date not after today. */
  pastOnly(value: unknown, field: string, label: string): TransitionRefused | InputOutcome {
    const date = this.past(value, field, label);
    return typeof date === "string" ? NOTHING : date;
  }

  /** A date not after today, nor before the referral (when the case has one to be bound by). */
  pastSinceReferral(value: unknown, field: string, label: string): TransitionRefused | IsoDate {
    const date = this.past(value, field, label);
    if (typeof date !== "string") return date;
    return this.notBefore(date, this.referralBound, field, label, this.referralBoundLabel) ?? date;
  }

  real(value: unknown, field: string, label: string): TransitionRefused | IsoDate {
    if (!isIsoDate(value)) return this.invalid(field, `${label} must be a real date`);
    return value;
  }

  /** null when `date` is on or after `bound` (or there is no bound). */
  notBefore(date: IsoDate, bound: IsoDate | null, field: string, label: string, boundLabel: string): TransitionRefused | null {
    const problem = bound === null ? null : dateBeforeProblem(label, date, bound, boundLabel);
    return problem === null ? null : this.invalid(field, problem);
  }
}

export function nonEmpty(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "";
}

/** An ISO instant that states its offset (Z or ±hh:mm), as a Date; null for anything else. */
export function offsetInstant(value: unknown): Date | null {
  if (typeof value !== "string" || !/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
