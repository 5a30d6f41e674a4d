/**
 * Refusals that more than one step gives, in the words of the guidance: the two cancellations
 * share the order of acceptance, back-out and cancellation (13.33–13.35, 3.13–3.15); the two exits
 * share "not started yet" (13.13, 3.07).
 */
import type { CaseState } from "../case-states";
import { RULESET_LIFECYCLE } from "./rulesets";
import type { GuardFacts } from "./step";
import { refuse, type TransitionRefused } from "./transition";

/** The states before the referral (or, Ch13, the strand referral) is accepted in PRaP. */
export const BEFORE_ACCEPTANCE: ReadonlySet<CaseState> = new Set<CaseState>(["referred", "acknowledged", "assessment_booked", "recommended"]);

/** A cancellation before acceptance, or of a started referral POST has not backed out. */
export function cancellationRefusal({ snapshot, isPrap, cite }: GuardFacts): TransitionRefused | null {
  if (!isPrap) return null;
  if (BEFORE_ACCEPTANCE.has(snapshot.state)) {
    const p = cite(["13.33", "3.13"]);
    return refuse("cancel_before_acceptance", p, `A referral cannot be cancelled before it has been accepted: reject it with the reason Other instead (${p})`);
  }
  if (snapshot.state === "started") {
    const p = cite(["13.35", "3.15"]);
    return refuse(
      "cancel_started_without_back_out",
      p,
      `A started referral can only be cancelled after POST has backed it out of PRaP: JCP asks POST to do this; record POST’s email, then cancel within 24 hours (${p})`,
    );
  }
  return null;
}

/** A back-out step on a referral that was accepted but never started: it is simply cancelled. */
export function noBackOutNeeded({ snapshot, isPrap, cite, person }: GuardFacts): TransitionRefused | null {
  if (!isPrap || snapshot.state !== "accepted") return null;
  const p = cite(["13.34", "3.14"]);
  return refuse(
    "no_back_out_needed",
    p,
    `The ${person(false)} has not started, so there is nothing for POST to back out: cancel the referral with the reason Did Not Start (${p})`,
  );
}

/** Completion or early leaving before the start (3.07: in 2017 not even work may come first). */
export function notStartedRefusal({ snapshot, route, isPrap, cite, person }: GuardFacts): TransitionRefused | null {
  if (snapshot.state === "started") return null;
  if (route === "prap_single" || (isPrap && RULESET_LIFECYCLE[snapshot.ruleset].startDateBeforeAnyWork)) {
    const p = cite(["3.07"]);
    return refuse(
      "not_started",
      p,
      `The customer has not started: their start date must be entered in PRaP before any work with them, so they cannot have completed or left yet (${p})`,
    );
  }
  const p = cite(route === "scr_clerical" ? ["13.74", "3.40"] : ["13.13", "3.07"]);
  return refuse("not_started", p, `The ${person(false)} has not started: record the start date first (${p})`);
}
