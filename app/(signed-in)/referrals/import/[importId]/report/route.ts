import { attachmentResponse, authorisedRoute } from "@/lib/server/actions/authorised-route";
import { exportImportReport } from "@/lib/server/imports/export-import-report";

/**
 * POST /referrals/import/[importId]/report — the import report as CSV, every input row once. A
 * POST because the export writes an audit row (CS-01); same-origin only (CS-05).
 */
export const POST = authorisedRoute<{ importId: string }>({ permissions: ["import:referral:any"], sameOriginOnly: true }, async (_request, { user, db, params }) => {
  const file = await exportImportReport(db, user, params.importId);
  return attachmentResponse(file.csv, "text/csv; charset=utf-8", file.filename);
});
