/**
 * The referral lifecycle as ONE table of data (docs/rules/rulesets.md: a new ruleset is data plus a
 * little code). Each row: the action, the states it leaves, the state it reaches, the route and
 * rulesets it belongs to, what it does to the PRaP referral, the facts it needs, and the
 * guidance paragraphs it comes from (Ch13 "13.x", 2016; Ch3 "3.x", 2017 — a case cites the
 * chapter of its ruleset).
 *
 * Adding a ruleset: add it to RULESET_LIFECYCLE (which PRaP process and chapter it follows) and
 * to the `rulesets` of the rows it shares; add rows only for transitions that differ.
 */
import type { IsoDate } from "../../calendar/iso-date";
import type { CaseRoute } from "../case-labels";
import type { CaseState } from "../case-states";
import type { Ruleset } from "../deadlines";
import type { LifecycleAction } from "./actions";

/** As prisma/schema.prisma's enum RestrictionTier. */
export type RestrictionTier = "none" | "mappa" | "scr";
/** As prisma/schema.prisma's enum PrapReferralStatus. */
export type PrapReferralStatus =
  | "received"
  | "acknowledged"
  | "accepted"
  | "rejected"
  | "cancelled"
  | "started"
  | "backed_out"
  | "completed"
  | "left_early";
/** As prisma/schema.prisma's enum PrapReason: the labels PRaP itself offers (13.33, 13.34, 3.08, 3.13, 3.14). */
export type PrapReason = "other" | "did_not_start" | "customer_no_longer_suitable";

/**
 * Which of a case's PRaP referrals a transition acts on (docs/rules/rulesets.md, layer 2):
 * - `initial_assessment`: the Ch13 referral to the IA opportunity, only ever acknowledged (13.18);
 * - `strand`: the Ch13 second referral, to SESMP or SESSB (13.26–13.27);
 * - `single`: the Ch3 referral to SES P2 National (3.06).
 */
export type PrapReferralRole = "initial_assessment" | "strand" | "single";

/** `latest`: the strand referral if it has arrived, otherwise the Initial Assessment referral. */
export type PrapTarget = PrapReferralRole | "latest";

export interface PrapEffect {
  referral: PrapTarget;
  status: PrapReferralStatus;
  /** Fixed reason, or undefined when the user's input decides it (rejection). */
  reason?: PrapReason;
}

/** The facts about a case that the lifecycle guards need, and nothing more. */
export interface LifecycleSnapshot {
  route: CaseRoute;
  ruleset: Ruleset;
  state: CaseState;
  restrictionTier: RestrictionTier;
  /** 13.61: the business date the (first) referral was made; SCR: the date the SL2 arrived. */
  referralDate: IsoDate | null;
  startedOn: IsoDate | null;
  /** ISO instant (Z or ±hh:mm) of POST's back-out email (13.35, 3.15). */
  backOutEmailAt: string | null;
  /** Ch13: the second PRaP referral, to the strand, has been received (13.26). */
  hasStrandReferral: boolean;
  /** SRO introductions: the site's capacity says the provision is full; null when capacity is not recorded (13.47). */
  provisionFull: boolean | null;
  /** Unsuccessful contact attempts since the last successful contact (3.08). */
  failedContactAttempts: number;
}

/** A fact a row needs before it is offered; checked on the snapshot alone. */
export type SnapshotRequirement =
  | "strand_referral_received"
  | "start_date_recorded"
  | "back_out_email_recorded"
  /** accept_introduction: not when the site's capacity says every place is taken (13.47, 3.25). */
  | "provision_not_full"
  /** record_provision_full: not when the site's capacity says places are free (13.47, 3.25). */
  | "provision_not_known_to_have_places";

export interface LifecycleTransition {
  /** Stable identifier, e.g. "two_stage.accept_strand_referral". */
  id: string;
  action: LifecycleAction;
  from: readonly CaseState[];
  to: CaseState;
  /** The lifecycle route (see lifecycleRouteOf), not necessarily the route the case arrived by. */
  routes: readonly CaseRoute[];
  rulesets: readonly Ruleset[];
  /** Guidance paragraphs, both chapters where the row is shared; a case cites its own chapter. */
  paragraphs: readonly string[];
  requires: readonly SnapshotRequirement[];
  prap: PrapEffect | null;
  /** Rejections only: the PRaP reasons the user may give. */
  reasons?: readonly PrapReason[];
  description: string;
}

export type GuidanceChapter = "13" | "3";

/** Per ruleset: which PRaP process its referrals follow and which chapter of the guidance it cites. */
export interface RulesetLifecycle {
  /** The PRaP process an SRO introduction joins once JCP's referral arrives (13.49, 3.27). */
  prapRoute: Extract<CaseRoute, "prap_two_stage" | "prap_single">;
  chapter: GuidanceChapter;
  /**
   * 3.07: "You must not start working with the customer until their start date has been entered
   * in PRaP." Ch13 asks only that the start date be input and tracked (13.13).
   */
  startDateBeforeAnyWork: boolean;
}

export const RULESET_LIFECYCLE: Readonly<Record<Ruleset, RulesetLifecycle>> = {
  ses_2016_uc: { prapRoute: "prap_two_stage", chapter: "13", startDateBeforeAnyWork: false },
  ses_2016_non_uc: { prapRoute: "prap_two_stage", chapter: "13", startDateBeforeAnyWork: false },
  ses_2017: { prapRoute: "prap_single", chapter: "3", startDateBeforeAnyWork: true },
};

const RULESETS_2016: readonly Ruleset[] = ["ses_2016_uc", "ses_2016_non_uc"];
const RULESETS_2017: readonly Ruleset[] = ["ses_2017"];
const ALL_RULESETS: readonly Ruleset[] = ["ses_2016_uc", "ses_2016_non_uc", "ses_2017"];

/** An SRO introduction before JCP's PRaP referral: the person is "introduced", not referred (13.44, 3.23). */
export const INTRODUCTION_STATES: ReadonlySet<CaseState> = new Set<CaseState>([
  "introduced",
  "introduction_accepted",
  "provision_full",
  "not_eligible",
]);

/**
 * Which route's transitions apply to the case now:
 * - an SRO introduction follows its own rows until JCP's referral arrives, then the PRaP process
 *   of its ruleset, "in the standard way" (13.49, 3.27);
 * - a Special Customer Record is referred clerically on SL2 whatever else is recorded (13.52, 3.30);
 * - otherwise the route the case arrived by.
 */
export function lifecycleRouteOf(snapshot: Pick<LifecycleSnapshot, "route" | "ruleset" | "state" | "restrictionTier">): CaseRoute {
  if (snapshot.route === "sro_introduction" && INTRODUCTION_STATES.has(snapshot.state)) return "sro_introduction";
  if (snapshot.restrictionTier === "scr" || snapshot.route === "scr_clerical") return "scr_clerical";
  if (snapshot.route === "sro_introduction") return RULESET_LIFECYCLE[snapshot.ruleset].prapRoute;
  return snapshot.route;
}

const PRE_START: readonly CaseState[] = ["referred", "acknowledged", "assessment_booked"];

export const TRANSITION_TABLE: readonly LifecycleTransition[] = [
  // ── SRO introduction, before JCP's PRaP referral (both chapters) ─────────────────────
  {
    id: "introduction.accept",
    action: "accept_introduction",
    from: ["introduced"],
    to: "introduction_accepted",
    routes: ["sro_introduction"],
    rulesets: ALL_RULESETS,
    paragraphs: ["13.44", "13.47", "3.23", "3.25"],
    requires: ["provision_not_full"],
    prap: null,
    description: "Eligible and suitable at the first meeting and the provision is not full: the provider must accept.",
  },
  {
    id: "introduction.not_eligible",
    action: "record_not_eligible",
    from: ["introduced"],
    to: "not_eligible",
    routes: ["sro_introduction"],
    rulesets: ALL_RULESETS,
    paragraphs: ["13.51", "3.29"],
    requires: [],
    prap: null,
    description: "Not eligible or not suitable: the reason goes in SESSRO1 Part 4; tell the claimant and the SRO.",
  },
  {
    id: "introduction.provision_full",
    action: "record_provision_full",
    from: ["introduced"],
    to: "provision_full",
    routes: ["sro_introduction"],
    rulesets: ALL_RULESETS,
    paragraphs: ["13.47", "3.25"],
    requires: ["provision_not_known_to_have_places"],
    prap: null,
    description: "Eligible and suitable, but the provision is full.",
  },
  {
    id: "introduction.jcp_referral",
    action: "record_jcp_referral",
    from: ["introduction_accepted"],
    to: "referred",
    routes: ["sro_introduction"],
    rulesets: ALL_RULESETS,
    paragraphs: ["13.49", "3.27"],
    requires: [],
    prap: null,
    description: "JCP received the SESSRO1 copy and made the PRaP referral; from here the case follows its ruleset's PRaP process.",
  },

  // ── PRaP, two-stage (Ch13, 2016): IA referral, then strand referral ──────────────────
  {
    id: "two_stage.acknowledge",
    action: "acknowledge",
    from: ["referred"],
    to: "acknowledged",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.18"],
    requires: [],
    prap: { referral: "initial_assessment", status: "acknowledged" },
    description: "Acknowledge the Initial Assessment referral in PRaP.",
  },
  {
    id: "two_stage.book_initial_assessment",
    action: "book_initial_assessment",
    from: ["acknowledged"],
    to: "assessment_booked",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.15", "13.17"],
    requires: [],
    prap: null,
    description: "The Initial Assessment date agreed on the Warm Handover call; meet within 10 working days of receiving the referral.",
  },
  {
    id: "two_stage.assessment_recommended",
    action: "record_assessment_recommended",
    // From "acknowledged" too: the IA date was agreed on the Warm Handover call (13.15), and an
    // SRO-introduced claimant was assessed at the first meeting, before JCP's referral (13.45).
    from: ["acknowledged", "assessment_booked"],
    to: "recommended",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.19", "13.20", "13.21"],
    requires: [],
    prap: null,
    description: "UC452 part 6: the strand (SESMP or SESSB) and anticipated start and end dates.",
  },
  {
    id: "two_stage.assessment_not_suitable",
    action: "record_assessment_not_suitable",
    from: ["acknowledged", "assessment_booked"],
    to: "not_suitable",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.22", "13.28–13.31"],
    requires: [],
    prap: null,
    description: "UC452 part 7 with the provider's contact details; the reason is phoned to the JCP SPoC, never written on the form.",
  },
  {
    id: "two_stage.accept_strand_referral",
    action: "accept_strand_referral",
    from: ["recommended"],
    to: "accepted",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.26", "13.27"],
    requires: ["strand_referral_received"],
    prap: { referral: "strand", status: "accepted" },
    description: "The Work Coach's second referral, to the strand, is acknowledged and accepted in PRaP.",
  },
  {
    id: "two_stage.reject",
    action: "reject",
    from: PRE_START,
    to: "rejected",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.33"],
    requires: [],
    prap: { referral: "initial_assessment", status: "rejected" },
    // Ch13 has no "no longer suitable" rejection: unsuitability is an Initial Assessment outcome (13.28–13.31).
    reasons: ["other"],
    description: "Referral made in error, found before acceptance: reject the Initial Assessment referral with the reason 'Other'.",
  },
  {
    id: "two_stage.reject_after_assessment",
    action: "reject",
    from: ["recommended"],
    to: "rejected",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.33"],
    requires: [],
    prap: { referral: "latest", status: "rejected" },
    reasons: ["other"],
    description: "Referral made in error, found before the strand referral is accepted: reject it (or the IA referral if the strand referral has not arrived) with the reason 'Other'.",
  },
  {
    id: "two_stage.start",
    action: "record_start",
    from: ["accepted"],
    to: "started",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.13"],
    requires: [],
    prap: { referral: "strand", status: "started" },
    description: "Start fully on provision (attachment); the 20-working-day target runs from the IA referral.",
  },
  {
    id: "two_stage.cancel_did_not_start",
    action: "cancel_did_not_start",
    from: ["accepted"],
    to: "cancelled",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.34"],
    requires: [],
    prap: { referral: "strand", status: "cancelled", reason: "did_not_start" },
    description: "Error or non-start found after acceptance but before attachment: cancel with the reason 'Did Not Start'.",
  },
  {
    id: "two_stage.back_out_email",
    action: "record_back_out_email",
    from: ["started"],
    to: "backed_out",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.35"],
    requires: ["start_date_recorded"],
    prap: { referral: "strand", status: "backed_out" },
    description: "POST emailed that the referral has been backed out of PRaP: the 24-hour cancellation clock starts.",
  },
  {
    id: "two_stage.cancel_after_back_out",
    action: "cancel_after_back_out",
    from: ["backed_out"],
    to: "cancelled",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.35"],
    requires: ["back_out_email_recorded"],
    prap: { referral: "strand", status: "cancelled", reason: "did_not_start" },
    description: "Cancel within 24 hours of POST's email with the reason 'Did Not Start' (later is allowed, and flagged).",
  },
  {
    id: "two_stage.completion",
    action: "record_completion",
    from: ["started"],
    to: "completed",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.37"],
    requires: ["start_date_recorded"],
    prap: { referral: "strand", status: "completed" },
    description: "UC452 part 8b with the actual end date.",
  },
  {
    id: "two_stage.early_leaving",
    action: "record_early_leaving",
    from: ["started"],
    to: "left_early",
    routes: ["prap_two_stage"],
    rulesets: RULESETS_2016,
    paragraphs: ["13.36"],
    requires: ["start_date_recorded"],
    prap: { referral: "strand", status: "left_early" },
    description: "UC452 part 8a with the early leaving date and the reason.",
  },

  // ── PRaP, single referral to SES P2 National (Ch3, 2017) ──────────────────────────────
  {
    id: "single.accept",
    action: "accept_referral",
    from: ["referred"],
    to: "accepted",
    routes: ["prap_single"],
    rulesets: RULESETS_2017,
    paragraphs: ["3.06", "3.11"],
    requires: [],
    prap: { referral: "single", status: "accepted" },
    description: "Accept the referral to SES P2 National in PRaP when it arrives (and whenever the DEA/Work Coach does not agree to a rejection).",
  },
  {
    id: "single.reject",
    action: "reject",
    from: ["referred"],
    to: "rejected",
    routes: ["prap_single"],
    rulesets: RULESETS_2017,
    paragraphs: ["3.08–3.10", "3.13"],
    requires: [],
    prap: { referral: "single", status: "rejected" },
    reasons: ["other", "customer_no_longer_suitable"],
    description: "Before acceptance: made in error (reason 'Other'), or no longer suitable and the DEA/Work Coach agreed.",
  },
  {
    id: "single.start",
    action: "record_start",
    from: ["accepted"],
    to: "started",
    routes: ["prap_single"],
    rulesets: RULESETS_2017,
    paragraphs: ["3.07"],
    requires: [],
    prap: { referral: "single", status: "started" },
    description: "Enter the start date in PRaP before any work with the customer; start within 20 working days.",
  },
  {
    id: "single.cancel_did_not_start",
    action: "cancel_did_not_start",
    from: ["accepted"],
    to: "cancelled",
    routes: ["prap_single"],
    rulesets: RULESETS_2017,
    paragraphs: ["3.14"],
    requires: [],
    prap: { referral: "single", status: "cancelled", reason: "did_not_start" },
    description: "Error or non-start found after acceptance but before attachment: cancel with the reason 'Did Not Start'.",
  },
  {
    id: "single.back_out_email",
    action: "record_back_out_email",
    from: ["started"],
    to: "backed_out",
    routes: ["prap_single"],
    rulesets: RULESETS_2017,
    paragraphs: ["3.15"],
    requires: ["start_date_recorded"],
    prap: { referral: "single", status: "backed_out" },
    description: "POST emailed that the referral has been backed out of PRaP: the 24-hour cancellation clock starts.",
  },
  {
    id: "single.cancel_after_back_out",
    action: "cancel_after_back_out",
    from: ["backed_out"],
    to: "cancelled",
    routes: ["prap_single"],
    rulesets: RULESETS_2017,
    paragraphs: ["3.15"],
    requires: ["back_out_email_recorded"],
    prap: { referral: "single", status: "cancelled", reason: "did_not_start" },
    description: "Cancel within 24 hours of POST's email with the reason 'Did Not Start' (later is allowed, and flagged).",
  },
  {
    id: "single.completion",
    action: "record_completion",
    from: ["started"],
    to: "completed",
    routes: ["prap_single"],
    rulesets: RULESETS_2017,
    paragraphs: ["3.16"],
    requires: ["start_date_recorded"],
    prap: { referral: "single", status: "completed" },
    description: "Customer Exit Tracker Document with the scheduled end date.",
  },
  {
    id: "single.early_leaving",
    action: "record_early_leaving",
    from: ["started"],
    to: "left_early",
    routes: ["prap_single"],
    rulesets: RULESETS_2017,
    paragraphs: ["3.16"],
    requires: ["start_date_recorded"],
    prap: { referral: "single", status: "left_early" },
    description: "Customer Exit Tracker Document with the early finish date and the reason.",
  },

  // ── Clerical SL2, Special Customer Records (both chapters): no PRaP at all ────────────
  {
    id: "clerical.book_initial_assessment",
    action: "book_initial_assessment",
    from: ["referred"],
    to: "assessment_booked",
    routes: ["scr_clerical"],
    rulesets: ALL_RULESETS,
    paragraphs: ["13.56", "3.31"],
    requires: [],
    prap: null,
    description: "Assess the claimant as for an electronic referral, after returning SL2 page 1.",
  },
  {
    id: "clerical.assessment_recommended",
    action: "record_assessment_recommended",
    from: ["referred", "assessment_booked"],
    to: "recommended",
    routes: ["scr_clerical"],
    rulesets: ALL_RULESETS,
    paragraphs: ["13.56", "3.31"],
    requires: [],
    prap: null,
    description: "Assessment recommends a strand; the referral form goes back to the JCP nominated officer by secure means.",
  },
  {
    id: "clerical.assessment_not_suitable",
    action: "record_assessment_not_suitable",
    from: ["referred", "assessment_booked"],
    to: "not_suitable",
    routes: ["scr_clerical"],
    rulesets: ALL_RULESETS,
    paragraphs: ["13.56", "3.31"],
    requires: [],
    prap: null,
    description: "Assessment finds the claimant not suitable; the referral form goes back to the JCP nominated officer.",
  },
  {
    id: "clerical.start",
    action: "record_start",
    // No acceptance step exists for SCR cases: provider action starts at initial engagement.
    from: ["referred", "assessment_booked", "recommended"],
    to: "started",
    routes: ["scr_clerical"],
    rulesets: ALL_RULESETS,
    paragraphs: ["13.74", "3.40"],
    requires: [],
    prap: null,
    description: "Initial engagement, when the attachment fee is claimed.",
  },
  {
    id: "clerical.completion",
    action: "record_completion",
    from: ["started"],
    to: "completed",
    routes: ["scr_clerical"],
    rulesets: ALL_RULESETS,
    paragraphs: ["13.37", "3.16"],
    requires: ["start_date_recorded"],
    prap: null,
    description: "Completed, with the actual end date.",
  },
  {
    id: "clerical.early_leaving",
    action: "record_early_leaving",
    from: ["started"],
    to: "left_early",
    routes: ["scr_clerical"],
    rulesets: ALL_RULESETS,
    paragraphs: ["13.36", "3.16"],
    requires: ["start_date_recorded"],
    prap: null,
    description: "Left early, with the leaving date and the reason.",
  },
];

/** The chapter a case cites decides which of a row's paragraphs it quotes. */
export function chapterOf(ruleset: Ruleset): GuidanceChapter {
  return RULESET_LIFECYCLE[ruleset].chapter;
}

/** The paragraphs of one chapter, or all of them when none belong to it. */
export function paragraphsFor(paragraphs: readonly string[], ruleset: Ruleset): string[] {
  const prefix = `${chapterOf(ruleset)}.`;
  const cited = paragraphs.filter((paragraph) => paragraph.startsWith(prefix));
  return cited.length > 0 ? cited : [...paragraphs];
}

/** "13.53, 13.74" for a 2016 case, "3.31, 3.40" for a 2017 one. */
export function cite(paragraphs: readonly string[], ruleset: Ruleset): string {
  return paragraphsFor(paragraphs, ruleset).join(", ");
}

/** The rows the case's route and ruleset have for an action (from any state). */
export function rowsFor(snapshot: LifecycleSnapshot, action?: LifecycleAction): LifecycleTransition[] {
  const route = lifecycleRouteOf(snapshot);
  return TRANSITION_TABLE.filter(
    (row) =>
      row.routes.includes(route) &&
      row.rulesets.includes(snapshot.ruleset) &&
      (action === undefined || row.action === action),
  );
}

/** The one row for this action from the case's current state, if any. */
export function rowFor(snapshot: LifecycleSnapshot, action: LifecycleAction): LifecycleTransition | undefined {
  return rowsFor(snapshot, action).find((row) => row.from.includes(snapshot.state));
}

/** Whether the snapshot has what a requirement needs. */
export function meetsRequirement(snapshot: LifecycleSnapshot, requirement: SnapshotRequirement): boolean {
  switch (requirement) {
    case "strand_referral_received":
      return snapshot.hasStrandReferral;
    case "start_date_recorded":
      return snapshot.startedOn !== null;
    case "back_out_email_recorded":
      return snapshot.backOutEmailAt !== null;
    case "provision_not_known_to_have_places":
      return snapshot.provisionFull !== false;
    case "provision_not_full":
      return snapshot.provisionFull !== true;
  }
}
