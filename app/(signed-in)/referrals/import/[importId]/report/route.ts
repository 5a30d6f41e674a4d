import { backgroundExportThreshold } from "@/lib/domain/exports/export-files";
import { authorisedRoute } from "@/lib/server/actions/authorised-route";
import { exportResponse } from "@/lib/server/exports/export-now-or-later";
import { startImportReportExport } from "@/lib/server/imports/start-import-report-export";

/**
 * POST /referrals/import/[importId]/report — the import report as CSV, every input row once. A
 * POST because the export writes an audit row (CS-01); same-origin only (CS-05).
 */
export const POST = authorisedRoute<{ importId: string }>({ permissions: ["import:referral:any"], sameOriginOnly: true }, async (_request, { user, db, params }) => {
  return exportResponse(await startImportReportExport(db, user, params.importId, backgroundExportThreshold(process.env)));
});
