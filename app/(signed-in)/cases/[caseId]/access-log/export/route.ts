import { authorisedRoute } from "@/lib/server/actions/authorised-route";
import { backgroundExportThreshold } from "@/lib/domain/exports/export-files";
import { startCaseAccessLogExport } from "@/lib/server/cases/start-case-access-log-export";
import { exportResponse } from "@/lib/server/exports/export-now-or-later";

/**
 * POST /cases/[caseId]/access-log/export — the case's access log as CSV, for its nominated officer.
 * A POST because the export writes an audit row (CS-01); same-origin only (CS-05); anyone else,
 * and any case they may not see, gets the same 404 as a page that does not exist.
 */
export const POST = authorisedRoute<{ caseId: string }>(
  { permissions: ["read:restricted-case:any"], sameOriginOnly: true, limit: "export" },
  async (_request, { user, db, params }) => {
    return exportResponse(await startCaseAccessLogExport(db, user, params.caseId, backgroundExportThreshold(process.env)));
  },
);
