import { RECONCILIATION_LISTS, type ReconciliationList } from "@/lib/domain/import/reconcile";
import { attachmentResponse, authorisedRoute, plainResponse } from "@/lib/server/actions/authorised-route";
import { exportReconciliationList } from "@/lib/server/imports/get-reconciliation";

/** POST /referrals/reconciliations/[id]/export — one list as CSV; audited (CS-01), same-origin only (CS-05). */
export const POST = authorisedRoute<{ reconciliationId: string }>({ permissions: ["import:referral:any"], sameOriginOnly: true }, async (request, { user, db, params }) => {
  const list = (await request.formData()).get("list");
  if (typeof list !== "string" || !RECONCILIATION_LISTS.some((entry) => entry.list === list)) return plainResponse(400, "The export request was not valid. Go back to the reconciliation and try again.");
  const file = await exportReconciliationList(db, user, params.reconciliationId, list as ReconciliationList);
  return attachmentResponse(file.csv, "text/csv; charset=utf-8", file.filename);
});
