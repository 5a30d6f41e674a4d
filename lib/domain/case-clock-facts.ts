import type { IsoDate } from "@/lib/calendar/iso-date";
import type { Nation } from "@/lib/calendar/nations";
import { isClosedState, type CaseState } from "./case-states";
import type { CaseClockFacts, Ruleset } from "./deadlines";

/** The case fields the clocks are computed from, as plain dates (lib/db/dates.ts converts). */
export interface CaseClockRecord {
  ruleset: Ruleset;
  state: CaseState;
  restrictionTier: "none" | "mappa" | "scr";
  nation: Nation;
  referralDate: IsoDate | null;
  referralReceivedOn: IsoDate | null;
  uc452ReceivedOn: IsoDate | null;
  ucpr1ReceivedOn: IsoDate | null;
  spocChasedOn: IsoDate | null;
  welcomeCallOn: IsoDate | null;
  firstMetOn: IsoDate | null;
  startedOn: IsoDate | null;
  backOutEmailAt: string | null;
  cancelledAt: string | null;
}

export function clockFactsFor(record: CaseClockRecord): CaseClockFacts {
  return {
    ruleset: record.ruleset,
    nation: record.nation,
    referralDate: record.referralDate,
    referralReceivedOn: record.referralReceivedOn,
    uc452ReceivedOn: record.uc452ReceivedOn,
    ucpr1ReceivedOn: record.ucpr1ReceivedOn,
    spocChasedOn: record.spocChasedOn,
    welcomeCallOn: record.welcomeCallOn,
    firstMetOn: record.firstMetOn,
    startedOn: record.startedOn,
    backOutEmailAt: record.backOutEmailAt,
    cancelledAt: record.cancelledAt,
    closed: isClosedState(record.state),
    // Domain.md Decisions: an SCR case's 20-day clock runs from the SL2 received date (referralDate).
    isScr: record.restrictionTier === "scr",
  };
}
