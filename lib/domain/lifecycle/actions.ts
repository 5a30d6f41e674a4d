/**
 * The user actions that move a case from one lifecycle state to another
 * (docs/rules/states.md), the button/page text for each, and the typed
 * input each one needs.
 *
 * Only state changes are lifecycle actions. Events that leave the state alone — UC452/UCPR1
 * received, JCP SPoC chased, welcome call made, contact attempt logged, the strand referral
 * received in PRaP, notes, assignment — are recorded elsewhere and are not listed here.
 */
import type { IsoDate } from "../../calendar/iso-date";
import type { STRAND_LABELS } from "../case-labels";

/** SES Main Provision or SES Start Back (13.19). */
export type Strand = keyof typeof STRAND_LABELS;

export const LIFECYCLE_ACTIONS = [
  // SRO introduction, before JCP's PRaP referral (13.40–13.51, 3.19–3.29)
  "accept_introduction",
  "record_not_eligible",
  "record_provision_full",
  "record_jcp_referral",
  // PRaP: the Initial Assessment referral (Ch13) or the single referral (Ch3)
  "acknowledge",
  "book_initial_assessment",
  "record_assessment_recommended",
  "record_assessment_not_suitable",
  "accept_strand_referral",
  "accept_referral",
  "record_start",
  "record_completion",
  "record_early_leaving",
  // Side exits (13.33–13.35, 3.08–3.15)
  "reject",
  "cancel_did_not_start",
  "record_back_out_email",
  "cancel_after_back_out",
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

const ACTION_SET: ReadonlySet<string> = new Set(LIFECYCLE_ACTIONS);

/** For a server action that receives the action name from a form. */
export function isLifecycleAction(value: unknown): value is LifecycleAction {
  return typeof value === "string" && ACTION_SET.has(value);
}

/** Button and page-heading text, spelled as the guidance spells things. */
export const ACTION_LABELS: Readonly<Record<LifecycleAction, string>> = {
  accept_introduction: "Accept the introduction",
  record_not_eligible: "Record not eligible or not suitable (SESSRO1 Part 4)",
  record_provision_full: "Record that the provision is full",
  record_jcp_referral: "Record JCP’s PRaP referral",
  acknowledge: "Acknowledge the referral",
  book_initial_assessment: "Book the Initial Assessment",
  record_assessment_recommended: "Record the Initial Assessment: recommended",
  record_assessment_not_suitable: "Record the Initial Assessment: not suitable",
  accept_strand_referral: "Accept the strand referral",
  accept_referral: "Accept the referral",
  record_start: "Record the start date",
  record_completion: "Record completion",
  record_early_leaving: "Record early leaving",
  reject: "Reject the referral",
  cancel_did_not_start: "Cancel the referral (Did Not Start)",
  record_back_out_email: "Record POST’s back-out email",
  cancel_after_back_out: "Cancel the backed-out referral (Did Not Start)",
};

/** Actions that act on a PRaP referral, so a clerical SL2 case never has them (13.53, 13.74, 3.31, 3.40). */
export const PRAP_ACTIONS: ReadonlySet<LifecycleAction> = new Set<LifecycleAction>([
  "acknowledge",
  "accept_strand_referral",
  "accept_referral",
  "reject",
  "cancel_did_not_start",
  "record_back_out_email",
  "cancel_after_back_out",
]);

/** The SRO introduction's own actions, before JCP's PRaP referral exists (13.44–13.51, 3.23–3.29). */
export const INTRODUCTION_ACTION_NAMES = [
  "accept_introduction",
  "record_not_eligible",
  "record_provision_full",
  "record_jcp_referral",
] as const satisfies readonly LifecycleAction[];
export type IntroductionAction = (typeof INTRODUCTION_ACTION_NAMES)[number];
export const INTRODUCTION_ACTIONS: ReadonlySet<LifecycleAction> = new Set<LifecycleAction>(INTRODUCTION_ACTION_NAMES);

/** An action that needs nothing beyond the case itself. */
export type NoInput = Record<string, never>;

/** 3.08: why the customer is no longer suitable. */
export const SUITABILITY_REASONS = ["no_longer_wishes", "unable_to_contact", "circumstances_changed"] as const;
export type SuitabilityReason = (typeof SUITABILITY_REASONS)[number];

export const SUITABILITY_REASON_LABELS: Readonly<Record<SuitabilityReason, string>> = {
  no_longer_wishes: "The customer no longer wishes to take part",
  unable_to_contact: "Unable to contact the customer after several attempts",
  circumstances_changed: "The customer’s circumstances have changed",
};

export type RejectInput =
  /** 13.33, 3.13: the referral was made in error and this was found before acceptance. */
  | { reason: "other" }
  /**
   * 3.08–3.10 (2017 only): the customer is no longer suitable. Allowed only when the referring
   * DEA/Work Coach, phoned on `workCoachContactedOn`, agreed; if they did not, the referral must
   * be accepted (3.10, 3.11).
   */
  | {
      reason: "customer_no_longer_suitable";
      suitabilityReason: SuitabilityReason;
      workCoachAgreed: boolean;
      workCoachContactedOn: IsoDate;
    };

/** What each action needs from the form. Dates are calendar dates; instants carry their offset. */
export interface LifecycleInputs {
  /** SESSRO1 Part 3 complete: eligible and suitable (13.44–13.47, 3.23–3.25). */
  accept_introduction: { metOn: IsoDate };
  /** SESSRO1 Part 4: the reason, from the administrator's not-eligible list (13.51, 3.29). */
  record_not_eligible: { metOn: IsoDate; reasonCode: string };
  record_provision_full: { metOn: IsoDate };
  /** JCP's PRaP referral after the SESSRO1 copy arrived (13.49, 3.27). */
  record_jcp_referral: { referralDate: IsoDate };
  acknowledge: NoInput;
  /** The Initial Assessment date agreed on the Warm Handover call (13.11, 13.15). */
  book_initial_assessment: { assessmentOn: IsoDate };
  /** UC452 part 6: strand and anticipated start and end dates (13.20, 13.21). */
  record_assessment_recommended: {
    heldOn: IsoDate;
    strand: Strand;
    anticipatedStartOn: IsoDate;
    anticipatedEndOn: IsoDate;
  };
  /**
   * UC452 part 7 (13.22, 13.28–13.31). There is deliberately no free-text reason: the reason is
   * phoned to the JCP SPoC, and the record holds only the date of that call (13.31). A clerical
   * SCR case tells the JCP nominated officer on the returned SL2 instead (13.56), so the call
   * date may be null there.
   */
  record_assessment_not_suitable: {
    heldOn: IsoDate;
    /** 13.29–13.30: the suitability issue was discussed fully with the claimant first. */
    fullyDiscussedWithClaimant: boolean;
    spocPhonedOn: IsoDate | null;
  };
  accept_strand_referral: NoInput;
  accept_referral: NoInput;
  record_start: { startedOn: IsoDate };
  /** UC452 part 8b / Customer Exit Tracker: the actual end date (13.37, 3.16). */
  record_completion: { endedOn: IsoDate };
  /** UC452 part 8a / Customer Exit Tracker: the leaving date and the reason (13.36, 3.16). */
  record_early_leaving: { leftOn: IsoDate; reasonCode: string };
  reject: RejectInput;
  cancel_did_not_start: NoInput;
  /** The timestamp of POST's email (ISO instant with Z or ±hh:mm) (13.35, 3.15). */
  record_back_out_email: { receivedAt: string };
  cancel_after_back_out: NoInput;
}

/** One action with its input: what a server action parses a form into. */
export type LifecycleCommand = { [A in LifecycleAction]: { action: A; input: LifecycleInputs[A] } }[LifecycleAction];
