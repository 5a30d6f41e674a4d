import { attachmentResponse, authorisedRoute } from "@/lib/server/actions/authorised-route";
import { downloadExportFile } from "@/lib/server/exports/download-export-file";

/**
 * POST /downloads/<id> — a background export file (docs/decisions/0022-background-jobs.md). A POST
 * because each download writes an audit row (CS-01), same-origin only (CS-05), under the export
 * rate limit (RL-01); anyone but the file's owner gets the same 404 as a random id (AC-01).
 */
export const POST = authorisedRoute<{ fileId: string }>({ permissions: [], sameOriginOnly: true, limit: "export" }, async (_request, { user, db, params }) => {
  const file = await downloadExportFile(db, user, params.fileId);
  return attachmentResponse(file.csv, "text/csv; charset=utf-8", file.filename);
});
