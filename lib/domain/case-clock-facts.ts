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

export function clockFactsFor(record: CaseClockRecord): CaseClockFacts {
  // Fact by fact rather than `{ state, restrictionTier, ...facts }`: a rest pattern takes V8's slow
  // copy, ~9 µs a call measured, once for each row of a list (docs/decisions/0035-work-queue-page-cost.md).
  // Every key is required here, so a fact added to CaseClockFacts does not compile until it is copied.
  const facts = {
    ruleset: record.ruleset,
    nation: record.nation,
    referralDate: record.referralDate,
    referralReceivedOn: record.referralReceivedOn,
    uc452ReceivedOn: record.uc452ReceivedOn,
    ucpr1ReceivedOn: record.ucpr1ReceivedOn,
    spocChasedOn: record.spocChasedOn,
    ucpr1DuplicateRequestedOn: record.ucpr1DuplicateRequestedOn,
    welcomeCallOn: record.welcomeCallOn,
    firstMetOn: record.firstMetOn,
    startedOn: record.startedOn,
    endedOn: record.endedOn,
    exitNoticeSentOn: record.exitNoticeSentOn,
    backOutEmailAt: record.backOutEmailAt,
    cancelledAt: record.cancelledAt,
    closed: isClosedState(record.state),
    // docs/rules/decisions.md (SCR record and clock): an SCR case's 20-day clock runs from the SL2
    // received date (referralDate).
    isScr: record.restrictionTier === "scr",
  } satisfies Record<keyof CaseClockFacts, unknown>;
  return facts;
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
