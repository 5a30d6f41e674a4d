import { RECONCILIATION_LISTS, type ReconciliationList } from "@/lib/domain/import/reconcile";
import { backgroundExportThreshold } from "@/lib/domain/exports/export-files";
import { authorisedRoute, plainResponse } from "@/lib/server/actions/authorised-route";
import { exportResponse } from "@/lib/server/exports/export-now-or-later";
import { startReconciliationExport } from "@/lib/server/imports/start-reconciliation-export";

/** POST /referrals/reconciliations/[id]/export — one list as CSV; audited (CS-01), same-origin only (CS-05). */
export const POST = authorisedRoute<{ reconciliationId: string }>({ permissions: ["import:referral:any"], sameOriginOnly: true }, async (request, { user, db, params }) => {
  const list = (await request.formData()).get("list");
  if (typeof list !== "string" || !RECONCILIATION_LISTS.some((entry) => entry.list === list)) return plainResponse(400, "The export request was not valid. Go back to the reconciliation and try again.");
  return exportResponse(await startReconciliationExport(db, user, params.reconciliationId, list as ReconciliationList, backgroundExportThreshold(process.env)));
});
