/**
 * Clerical SL2 referrals for Special Customer Records (docs/rules/routes.md, route 4; 13.52–13.57,
 * 13.74–13.78, 3.30–3.31, 3.40–3.44). Pure rules: which guidance a new SL2 case follows, the
 * marking every SL2 page carries, the secure methods a return may use, and which returns are due.
 */
import type { IsoDate } from "../../calendar/iso-date";
import type { CaseState } from "../case-states";
import type { Ruleset } from "../deadlines";

/**
 * Chapter 3 (the contract-extension referral process, v1.0 September 2017) governs SL2s received
 * from 1 September 2017; earlier SL2s follow Chapter 13 (April 2016). An SL2 carries no purchase
 * order number to tell Universal Credit from other benefits, and the 2016 SCR rules are the
 * Universal Credit chapter's (13.52–13.57), so a 2016 SL2 case runs under ses_2016_uc.
 */
export const CHAPTER_3_FROM: IsoDate = "2017-09-01";

export type ScrRuleset = Extract<Ruleset, "ses_2016_uc" | "ses_2017">;

export function scrRulesetFor(sl2ReceivedOn: IsoDate): ScrRuleset {
  return sl2ReceivedOn >= CHAPTER_3_FROM ? "ses_2017" : "ses_2016_uc";
}

export const SCR_MARKINGS = ["scr_participant", "scr_customer"] as const;
export type ScrMarkingCode = (typeof SCR_MARKINGS)[number];
export const SCR_MARKING_LABELS: Readonly<Record<ScrMarkingCode, "SCR participant" | "SCR customer">> = {
  scr_participant: "SCR participant",
  scr_customer: "SCR customer",
};

/** The marking the case's ruleset gives: Chapter 3 (ses_2017) "SCR customer", Chapter 13 "SCR participant". */
export function scrMarkingCodeFor(ruleset: Ruleset): ScrMarkingCode {
  return ruleset === "ses_2017" ? "scr_customer" : "scr_participant";
}

function isScrMarkingCode(value: unknown): value is ScrMarkingCode {
  return typeof value === "string" && (SCR_MARKINGS as readonly string[]).includes(value);
}

/**
 * 13.77: "SCR participant" (Chapter 13, 2016); 3.43: "SCR customer" (Chapter 3, 2017) — at the
 * top of each form. It follows the case's ruleset, unless the nominated officer overrode it with a
 * reason (`override`, allowed only where the case's ruleset was overridden: scrMarkingOverrideProblem).
 */
export function scrMarking(ruleset: Ruleset, override: string | null = null): "SCR participant" | "SCR customer" {
  return SCR_MARKING_LABELS[isScrMarkingCode(override) ? override : scrMarkingCodeFor(ruleset)];
}

/**
 * The case's ruleset is not the one the date its SL2 arrived gives (scrRulesetFor): the chapter was
 * overridden, for example by the purchase order of a case that became SCR, or by an override of
 * the ruleset with a reason.
 */
export function scrRulesetOverridden(ruleset: Ruleset, sl2ReceivedOn: IsoDate): boolean {
  return scrMarkingCodeFor(ruleset) !== scrMarkingCodeFor(scrRulesetFor(sl2ReceivedOn));
}

/**
 * Why the nominated officer may not override the marking now, or null (13.77, 3.43;
 * docs/rules/restricted-cases.md "SCR lifecycle"): only where the case's ruleset was overridden,
 * and always with a reason.
 */
export function scrMarkingOverrideProblem(facts: { ruleset: Ruleset; sl2ReceivedOn: IsoDate; reason: string }): string | null {
  if (!scrRulesetOverridden(facts.ruleset, facts.sl2ReceivedOn)) {
    return "The marking follows the case’s ruleset (13.77, 3.43): it can be changed only where the case’s ruleset was overridden";
  }
  if (facts.reason.trim() === "") return "Enter the reason for the marking";
  return null;
}

/**
 * 13.57 (and 3.31's Actions): "All forms must be returned using secure methods" — generic provider
 * guidance Chapter 8 (Information Security). The chapters name secure post with a minimum of
 * Track and Trace for SESSRO1 (13.48, 3.26); Chapter 8 forbids claimant data by unencrypted email
 * (docs/security.md DP-07), so email is offered only as secure (encrypted) email. Nothing else is offered.
 */
export const SECURE_RETURN_METHODS = ["special_delivery", "tracked_post", "secure_email"] as const;
export type SecureReturnMethod = (typeof SECURE_RETURN_METHODS)[number];

export const SECURE_RETURN_METHOD_LABELS: Readonly<Record<SecureReturnMethod, string>> = {
  special_delivery: "Royal Mail Special Delivery (Track and Trace)",
  tracked_post: "Secure post with Track and Trace",
  secure_email: "Secure (encrypted) email",
};

/** Post is tracked, so its tracking number is recorded for audit (13.48, 13.57); email has none. */
export function needsTrackingNumber(method: SecureReturnMethod): boolean {
  return method !== "secure_email";
}

/**
 * 13.56, 3.31: the referral form is completed and returned "following your assessment". The
 * assessment has happened once its outcome is recorded, or the case has started (initial
 * engagement, 13.74, 3.40) — the start may come straight from the referral with no separate
 * assessment step.
 */
const AFTER_ASSESSMENT: ReadonlySet<CaseState> = new Set<CaseState>(["recommended", "not_suitable", "started", "completed", "left_early"]);

export function assessmentDone(state: CaseState): boolean {
  return AFTER_ASSESSMENT.has(state);
}

export interface Sl2Progress {
  state: CaseState;
  page1ReturnedOn: IsoDate | null;
  referralFormReturnedOn: IsoDate | null;
}

export type Sl2ReturnDue = "page_1" | "referral_form";

/**
 * Which SL2 return is due now, if any: page 1 as soon as the SL2 arrives (13.55); the referral
 * form once the assessment is done (13.56). A case that closed before its assessment (left early
 * from the referral, say) still owes page 1 — JCP's nominated officer is waiting for it.
 */
export function sl2ReturnDue(progress: Sl2Progress): Sl2ReturnDue | null {
  if (progress.page1ReturnedOn === null) return "page_1";
  if (progress.referralFormReturnedOn === null && assessmentDone(progress.state)) return "referral_form";
  return null;
}

export const SL2_RETURN_LABELS: Readonly<Record<Sl2ReturnDue, string>> = {
  page_1: "SL2 page 1 to return",
  referral_form: "Referral form to return",
};
