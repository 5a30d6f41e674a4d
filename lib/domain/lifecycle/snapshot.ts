/**
 * What the state machine knows about a case (docs/rules/states.md): the facts its guards read, and
 * which route's transitions apply to the case now. The server reads it from the database
 * (lib/server/cases/lifecycle/lifecycle-snapshot.ts); everything here is pure.
 */
import type { IsoDate } from "../../calendar/iso-date";
import type { CaseRoute } from "../case-labels";
import type { CaseState } from "../case-states";
import type { Ruleset } from "../deadlines";
import { RULESET_LIFECYCLE } from "./rulesets";

/** As prisma/schema.prisma's enum RestrictionTier. */
export type RestrictionTier = "none" | "mappa" | "scr";

/** The facts about a case that the lifecycle guards need, and nothing more. */
export interface LifecycleSnapshot {
  route: CaseRoute;
  ruleset: Ruleset;
  state: CaseState;
  restrictionTier: RestrictionTier;
  /** 13.61: the business date the (first) referral was made; SCR: the date the SL2 arrived. */
  referralDate: IsoDate | null;
  startedOn: IsoDate | null;
  /** The stored 10-working-day meeting deadline (13.17) and start deadline (13.13, 3.07), for the warnings before saving. */
  meetDueOn?: IsoDate | null;
  startDueOn?: IsoDate | null;
  /** The first meeting (or Initial Assessment) held; absent where the caller does not know it. */
  firstMetOn?: IsoDate | null;
  /** ISO instant (Z or ±hh:mm) of POST's back-out email (13.35, 3.15). */
  backOutEmailAt: string | null;
  /** Ch13: the second PRaP referral, to the strand, has been received (13.26). */
  hasStrandReferral: boolean;
  /** SRO introductions: the site's capacity says the provision is full; null when capacity is not recorded (13.47). */
  provisionFull: boolean | null;
  /** Unsuccessful contact attempts since the last successful contact (3.08). */
  failedContactAttempts: number;
  /** 3.07: the date of the welcome call, once recorded (absent: not recorded). */
  welcomeCallOn?: IsoDate | null;
}

/** An SRO introduction before JCP's PRaP referral: the person is "introduced", not referred (13.44, 3.23). */
export const INTRODUCTION_STATES: ReadonlySet<CaseState> = new Set<CaseState>([
  "introduced",
  "introduction_accepted",
  "provision_full",
  "not_eligible",
]);

/**
 * Which route's transitions apply to the case now:
 * - an SRO introduction follows its own transitions until JCP's referral arrives, then the PRaP
 *   process of its ruleset, "in the standard way" (13.49, 3.27);
 * - a Special Customer Record is referred clerically on SL2 whatever else is recorded (13.52, 3.30);
 * - otherwise the route the case arrived by.
 */
export function lifecycleRouteOf(snapshot: Pick<LifecycleSnapshot, "route" | "ruleset" | "state" | "restrictionTier">): CaseRoute {
  if (snapshot.route === "sro_introduction" && INTRODUCTION_STATES.has(snapshot.state)) return "sro_introduction";
  if (snapshot.restrictionTier === "scr" || snapshot.route === "scr_clerical") return "scr_clerical";
  if (snapshot.route === "sro_introduction") return RULESET_LIFECYCLE[snapshot.ruleset].prapRoute;
  return snapshot.route;
}

/** A fact a transition needs before it is offered; checked on the snapshot alone. */
export type SnapshotRequirement =
  | "strand_referral_received"
  | "start_date_recorded"
  | "back_out_email_recorded"
  /** accept_introduction: not when the site's capacity says every place is taken (13.47, 3.25). */
  | "provision_not_full"
  /** record_welcome_call: once recorded it is not recorded again (3.07). */
  | "welcome_call_not_recorded";

/** Whether the snapshot has what a requirement needs. */
export function meetsRequirement(snapshot: LifecycleSnapshot, requirement: SnapshotRequirement): boolean {
  switch (requirement) {
    case "strand_referral_received":
      return snapshot.hasStrandReferral;
    case "start_date_recorded":
      return snapshot.startedOn !== null;
    case "back_out_email_recorded":
      return snapshot.backOutEmailAt !== null;
    case "provision_not_full":
      return snapshot.provisionFull !== true;
    case "welcome_call_not_recorded":
      return (snapshot.welcomeCallOn ?? null) === null;
  }
}
