import { urgencyTagParts } from "@/components/cases/UrgencyTag";
import { CASE_STATE_LABELS } from "@/lib/domain/case-states";
import { caseAtVersionValue } from "@/lib/domain/forms/bulk-reassign-form";
import { JCP_REFERRAL_MISSING_LABEL } from "@/lib/domain/sro/jcp-referral-missing";
import type { WorkQueueRow } from "@/lib/server/cases/list-work-queue";
import type { WorkQueueRowView } from "./WorkQueueTable";

/**
 * A queue row as the table shows it (./WorkQueueTable.tsx): the most urgent clock and the start
 * target's clock as their tags' words, the markers as tags. Worked out here, on the server, so the
 * clocks and their domain code never travel to the browser.
 */
export function queueRowView(row: WorkQueueRow): WorkQueueRowView {
  const tags: WorkQueueRowView["tags"] = [];
  if (row.restrictionTier === "mappa") tags.push({ text: "MAPPA", colour: "purple" });
  if (row.restrictionTier === "scr") tags.push({ text: "SCR", colour: "red" });
  if (row.jcpReferralMissing) tags.push({ text: JCP_REFERRAL_MISSING_LABEL, colour: "orange" });
  return {
    id: row.id,
    reference: row.reference,
    selectValue: caseAtVersionValue(row.id, row.version),
    claimantName: row.claimantName,
    tags,
    stateLabel: CASE_STATE_LABELS[row.state],
    urgent: row.urgentClock ? { label: row.urgentClock.label, tag: urgencyTagParts({ clock: row.urgentClock }) } : null,
    start: row.startClock ? urgencyTagParts({ clock: row.startClock }) : null,
    caseworkerName: row.caseworkerName ?? "Unassigned",
    siteName: row.siteName,
  };
}
