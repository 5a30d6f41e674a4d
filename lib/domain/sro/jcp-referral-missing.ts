/**
 * JCP's PRaP referral of an accepted SRO introduction (13.49, 3.27) that has not come: after the
 * number of working days set in `sro.jcpReferralMissingWorkingDays` (lib/domain/settings.ts,
 * default 10) from the first meeting at which the introduction was accepted, the case shows
 * "JCP referral missing" in the work queue and the restricted queue, so the place it holds
 * (lib/domain/sro/introduction.ts) is chased rather than held for ever
 * (docs/rules/routes.md route 3, "JCP referral missing").
 */
import type { IsoDate } from "../../calendar/iso-date";
import type { Nation } from "../../calendar/nations";
import type { WorkingDayCalendar } from "../../calendar/working-day-calendar";
import type { CaseState } from "../case-states";

export const JCP_REFERRAL_MISSING_LABEL = "JCP referral missing";

export interface JcpReferralFacts {
  state: CaseState;
  /** The first meeting, when the introduction was accepted (13.47, 3.25). */
  acceptedOn: IsoDate | null;
  nation: Nation;
}

/** The last working day JCP's referral is awaited before it counts as missing; null when none is awaited. */
export function jcpReferralAwaitedUntil(facts: JcpReferralFacts, calendar: WorkingDayCalendar, workingDays: number): IsoDate | null {
  if (facts.state !== "introduction_accepted" || facts.acceptedOn === null) return null;
  return calendar.addWorkingDays(facts.acceptedOn, workingDays, facts.nation);
}

export function jcpReferralMissing(facts: JcpReferralFacts, calendar: WorkingDayCalendar, today: IsoDate, workingDays: number): boolean {
  const until = jcpReferralAwaitedUntil(facts, calendar, workingDays);
  return until !== null && today > until;
}
