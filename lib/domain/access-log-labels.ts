/**
 * What each audited action means, in words, for the per-case access log (docs/security.md LG-01).
 * An action not listed is shown by its name, so a new one is never hidden.
 */
const ACCESS_LOG_ACTION_LABELS: Record<string, string> = {
  "case.restricted_read": "Viewed the SCR case",
  "case.restricted_read_listed": "Saw the case in a list, search result or the nominated officer's queue",
  "paper_forms.restricted_read": "Opened a paper-form page (forms received, SPoC chase)",
  "case.recorded_confirmation_read": "Saw the confirmation after recording the case",
  "case.possible_scr_duplicate": "Recorded with the National Insurance number of an SCR case: opened restricted, nominated officers alerted",
  "case.possible_scr_duplicate_read": "Opened the decision on a possible duplicate of an SCR case",
  "case.possible_scr_duplicate_resolved": "Decided on a possible duplicate of an SCR case",
  "case.access_log_exported": "Exported this access log",
  "case.restricted_read_action_page": "Opened a step page for the SCR case",
  "case.created": "Recorded the case",
  "case.imported": "Recorded the case from a spreadsheet import",
  "case.late_assessment_confirmed": "Confirmed an Initial Assessment date after the meeting deadline",
  "case.amend_page_read": "Opened “amend with reason” for the SCR case",
  "case.amended": "Corrected a recorded date (amend with reason)",
  "case.step_undone": "Undid the last step (amend with reason)",
  "uc452.restricted_read": "Viewed or downloaded the UC452",
  "sessro1.read": "Viewed the SESSRO1",
  "sessro1.printed": "Printed the SESSRO1",
  "sl2.restricted_read": "Viewed the SL2",
  "sl2.print_restricted_read": "Printed the SL2 (13.77, 3.43)",
  "sl2.page1_returned": "Recorded SL2 page 1 returned to the JCP nominated officer (13.55)",
  "sl2.referral_form_returned": "Recorded the referral form returned to the JCP nominated officer (13.56)",
  "case.access_log_read": "Viewed this access log",
  "case.restriction_changed": "Changed the restriction",
  "case.mappa_marked": "Marked the case MAPPA",
  "mappa_annex.read": "Viewed the MAPPA annex",
  "mappa_annex.recorded": "Recorded the MAPPA annex",
  "mappa_annex.updated": "Updated the MAPPA annex",
  "mappa_annex.restrictions_recorded": "Recorded the restrictions phoned through (13.68)",
  "mappa_annex.mappa_j_received": "Recorded the MAPPA J form received by secure post (13.69)",
  "mappa_annex.contact_recorded": "Recorded contact details from the JCP nominated officer (13.70)",
  "mappa_annex.contact_kept_from_referral": "Kept the referral's contact details in the MAPPA annex when the case was marked MAPPA (13.70)",
  "mappa_letter.recorded": "Recorded a letter JCP sent (13.72)",
  "security.case_not_found": "Refused: asked for the case and was told it does not exist",
  "security.action_denied": "Refused: not permitted",
  "security.action_not_found": "Refused: an action for the case was told it does not exist",
  "security.case_page_denied": "Refused: a page of the case, not permitted",
  "security.case_route_denied": "Refused: a download of the case, not permitted",
  "security.access_log_denied": "Refused: asked for the access log without being a nominated officer",
  "security.mappa_annex_denied": "Refused: asked for the MAPPA annex without being a nominated officer",
};

export function accessLogActionLabel(action: string): string {
  return ACCESS_LOG_ACTION_LABELS[action] ?? action.replace(/[._]/g, " ");
}

const TIER_WORDS: Record<string, string> = { none: "not restricted", mappa: "MAPPA", scr: "SCR" };

/** "MAPPA → not restricted" for a restriction change; null for anything else. */
export function restrictionChangeSummary(before: unknown, after: unknown): string | null {
  const from = (before as { restrictionTier?: string } | null)?.restrictionTier;
  const to = (after as { restrictionTier?: string } | null)?.restrictionTier;
  if (!from || !to) return null;
  return `${TIER_WORDS[from] ?? from} → ${TIER_WORDS[to] ?? to}`;
}
