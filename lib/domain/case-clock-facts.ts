import { isClosedState, type CaseState } from "./case-states";
import type { CaseClockFacts } from "./deadlines";

/**
 * The case fields the clocks are computed from, as plain dates (lib/db/dates.ts converts):
 * the clock facts themselves, with the case's state and restriction tier in place of the two
 * facts derived from them.
 */
export type CaseClockRecord = Omit<CaseClockFacts, "closed" | "isScr"> & {
  state: CaseState;
  restrictionTier: "none" | "mappa" | "scr";
};

export function clockFactsFor({ state, restrictionTier, ...facts }: CaseClockRecord): CaseClockFacts {
  return {
    ...facts,
    closed: isClosedState(state),
    // docs/rules/decisions.md (SCR record and clock): an SCR case's 20-day clock runs from the SL2
    // received date (referralDate).
    isScr: restrictionTier === "scr",
  };
}

/**
 * The event dates of a case that has just been referred: none yet. A new case's clocks are
 * computed from its referral dates and these (the intake's preview, a bulk import's batch).
 */
export const NO_EVENTS_RECORDED_YET = {
  uc452ReceivedOn: null,
  ucpr1ReceivedOn: null,
  spocChasedOn: null,
  ucpr1DuplicateRequestedOn: null,
  welcomeCallOn: null,
  firstMetOn: null,
  startedOn: null,
  endedOn: null,
  exitNoticeSentOn: null,
  backOutEmailAt: null,
  cancelledAt: null,
} as const;
