import type { IsoDate } from "@/lib/calendar/iso-date";
import type { CaseState } from "@/lib/domain/case-states";
import type { DashboardFilters } from "./filters";
import type { StrandKey } from "./drill-down";
import type { CountRow, ReasonCountRow, NextAction, StartRisk, StartTargetFigure } from "./figures";
import type { DateRange } from "./periods";
import type { UrgencyLevel } from "../urgency";

/** What the dashboard page and its exports receive: plain data, never database rows. */

export interface StartTargetRow extends StartTargetFigure {
  key: string;
  label: string;
}

export interface AtRiskRow {
  id: string;
  reference: string;
  claimantName: string;
  state: CaseState;
  stateLabel: string;
  route: string;
  routeLabel: string;
  siteName: string;
  caseworkerName: string | null;
  referralDate: IsoDate | null;
  /** The date by which the person must start (stored startDueOn). */
  startDueOn: IsoDate;
  /** Working days from today to startDueOn in the site's nation's calendar; negative when missed. */
  workingDaysLeft: number;
  risk: StartRisk;
  riskText: string;
  nextAction: NextAction | null;
  /** The next action's urgency in the one scheme (lib/domain/urgency.ts); null when none is outstanding. */
  nextActionUrgency: UrgencyLevel | null;
}

export interface UnassignedRow {
  id: string;
  reference: string;
  claimantName: string;
  stateLabel: string;
  routeLabel: string;
  siteName: string;
  /** When the wait began: the referral's receipt, else the referral date, else the record's creation. */
  waitingSince: IsoDate;
  workingDaysWaiting: number;
}

export interface OpenCaseRow {
  id: string;
  reference: string;
  claimantName: string;
  stateLabel: string;
  routeLabel: string;
  siteName: string;
  caseworkerName: string | null;
  referralDate: IsoDate | null;
  startDueOn: IsoDate | null;
  nextDeadlineOn: IsoDate | null;
}

/** A case behind a dashboard count (the drill-down list and its CSV). */
export interface FigureCaseRow {
  id: string;
  reference: string;
  claimantName: string;
  stateLabel: string;
  routeLabel: string;
  strandLabel: string | null;
  siteName: string;
  caseworkerName: string | null;
  referralDate: IsoDate | null;
  startDueOn: IsoDate | null;
  startedOn: IsoDate | null;
  nextDeadlineOn: IsoDate | null;
}

export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  totalPages: number;
  pageSize: number;
}

/** The strand split (13.25–13.27): on provision now, and starts in the period (list scope). */
export interface StrandRow {
  key: StrandKey;
  label: string;
  onProvision: number;
  starts: number;
}

export interface CaseloadRow {
  key: string;
  label: string;
  open: number;
  unassigned: number;
}

export interface DashboardView {
  today: IsoDate;
  filters: DashboardFilters;
  period: DateRange & { label: string };
  thisMonth: DateRange & { label: string };
  /** True when SCR cases are counted in this view's headline totals (decision 0005). */
  totalsIncludeRestricted: boolean;
  /**
   * When the start target, the funnel and the starts per strand were counted (an ISO instant) if they come from the
   * organisation's snapshot (docs/decisions/0032-dashboard-at-a-million-cases.md); null when they
   * are counted live with every other figure.
   */
  periodFiguresAsOf: string | null;
  options: {
    sites: { id: string; name: string; nationName: string }[];
    caseworkers: { id: string; name: string }[];
    routes: { value: string; label: string }[];
  };
  startTarget: {
    thisMonth: StartTargetFigure;
    period: StartTargetFigure;
    byMonth: StartTargetRow[];
    bySite: StartTargetRow[];
    byCaseworker: StartTargetRow[];
    byRoute: StartTargetRow[];
    /** Period, list scope: cases closed before their start deadline for an allowed reason, by state and reason (13.13). */
    leftBeforeDeadline: ReasonCountRow[];
  };
  atRisk: Paged<AtRiskRow> & {
    /** Headline totals: not started and the deadline passed / within the at-risk window. */
    missedTotal: number;
    atRiskTotal: number;
    awaitingStartTotal: number;
  };
  clocks: {
    meetingsMissed: number;
    /** 13.14: cases whose forms chase is due today or earlier. */
    formsChasesDue: number;
    /** 13.67: cases whose UCPR1 duplicate request is due today or earlier. */
    ucpr1DuplicatesDue: number;
    cancellationsPending: number;
    cancellationsOverdue: number;
  };
  caseload: {
    openTotal: number;
    unassignedTotal: number;
    bySite: CaseloadRow[];
    byCaseworker: CaseloadRow[];
    unassigned: Paged<UnassignedRow>;
  };
  /** On provision now (started, not yet completed or left; totals scope) and the strand split (list scope). */
  provision: {
    onProvisionTotal: number;
    byStrand: StrandRow[];
  };
  funnel: {
    stages: CountRow[];
    outcomes: CountRow[];
    rejectionReasons: CountRow[];
    cancellationReasons: CountRow[];
    earlyLeaverReasons: CountRow[];
  };
}
