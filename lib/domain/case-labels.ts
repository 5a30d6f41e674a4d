/** Display names for a case's route, ruleset and strand, spelled as the guidance spells them. */
export const ROUTE_LABELS = {
  prap_two_stage: "PRaP, Universal Credit two-stage (2016)",
  prap_single: "PRaP, single referral to SES P2 National (2017)",
  sro_introduction: "Statutory Referral Organisation introduction (SESSRO1)",
  scr_clerical: "Clerical SL2 referral (Special Customer Record)",
} as const;

export const RULESET_LABELS = {
  ses_2016_uc: "SES 2016, Universal Credit (Chapter 13)",
  ses_2017: "SES 2017 (Chapter 3)",
} as const;

export const STRAND_LABELS = {
  sesmp: "SES Main Provision (SESMP)",
  sessb: "SES Start Back (SESSB)",
} as const;

export type CaseRoute = keyof typeof ROUTE_LABELS;

/** What a PRaP referral is to (schema enum ProvisionType), in words: no stored code reaches a page. */
export const PROVISION_LABELS: Record<string, string> = {
  ia_opportunity: "Initial Assessment opportunity (13.16)",
  sesmp: "SES Main Provision (SESMP)",
  sessb: "SES Start Back (SESSB)",
  ses_p2_national: "SES P2 National (3.06)",
};

/** A PRaP referral's status as PRaP shows it (schema enum PrapReferralStatus). */
export const PRAP_STATUS_LABELS: Record<string, string> = {
  received: "Received",
  acknowledged: "Acknowledged",
  accepted: "Accepted",
  rejected: "Rejected",
  cancelled: "Cancelled",
  started: "Started",
  backed_out: "Backed out",
  completed: "Completed",
  left_early: "Left early",
};
