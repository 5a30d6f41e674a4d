import { confirmationFor } from "@/lib/domain/lifecycle/step-pages";
import type { CaseState } from "@/lib/domain/case-states";

/** The success banner after a change that is not a lifecycle step (`?done=<what>`). */
const CONFIRMATIONS: Record<string, string> = {
  note: "Note saved.",
  assigned: "Caseworker saved.",
  contact: "Contact attempt logged.",
  "contact-prompt": "Contact attempt logged.",
  circumstances: "Contact and personal details saved. The timeline shows what changed.",
  "circumstances-unchanged": "Nothing had changed, so nothing was saved.",
  transferred: "Case moved to its new site. Its due dates now count that site’s working days: see “Why this date”.",
  "uc452-received": "UC452 receipt recorded. Deadlines updated.",
  "ucpr1-received": "UCPR1 recorded. Deadlines updated.",
  "spoc-chased": "Chase of the JCP SPoC recorded.",
  "ucpr1-duplicate-requested": "Request for a duplicate UCPR1 recorded.",
  "strand-referral": "Strand referral recorded. You can now accept it.",
  "sl2-page-1": "Return of SL2 page 1 recorded.",
  "sl2-referral-form": "Return of the referral form recorded.",
  "sl2-marking": "SL2 marking saved.",
  restriction: "Restriction saved.",
  "scr-duplicate-merged": "The possible duplicate was merged into this SCR case: its PRaP referrals are now on this case.",
  "scr-duplicate-kept": "The possible duplicate is kept as a separate restricted case.",
  "scr-duplicate-closed": "The possible duplicate was closed.",
  "sro-introduced": "Introduction recorded. This is the new case: the person is introduced, not referred.",
  "sro-introduced-not-eligible": "Introduction recorded and closed as not eligible: they are on an incompatible DWP programme. Tell the SRO (13.43, 3.22).",
  "sro-introduction-accepted": "First meeting recorded: the introduction is accepted. Print the SESSRO1 for signature.",
  "sro-provision-full": "First meeting recorded: the provision is full.",
  "sro-not-eligible": "First meeting recorded: not eligible or not suitable. The form is kept for inspection.",
  "sro-sent": "SESSRO1 signed and sent by secure post; JCP SPoC notified.",
  "sro-jcp-receipt": "JCP’s receipt of the SESSRO1 recorded. Its PRaP referral is still awaited.",
  "sro-referred": "JCP’s PRaP referral recorded. The case is now “Referred”.",
};

/** A lifecycle step's banner comes from its declaration (confirmationFor); the other changes' copy is above. */
export function caseConfirmation(search: { done?: string; created?: string }, state: CaseState): string | undefined {
  if (search.created === "1") return "Referral recorded. This is the new case.";
  if (!search.done) return undefined;
  return confirmationFor(search.done, state) ?? CONFIRMATIONS[search.done];
}
