import { authorisedRoute } from "@/lib/server/actions/authorised-route";
import { exportCaseAccessLog } from "@/lib/server/cases/export-case-access-log";

/**
 * POST /cases/[caseId]/access-log/export — the case's access log as CSV, for its nominated officer.
 * A POST because the export writes an audit row (CS-01); same-origin only (CS-05); anyone else,
 * and any case they may not see, gets the same 404 as a page that does not exist.
 */
export const POST = authorisedRoute<{ caseId: string }>(
  { permissions: ["read:restricted-case:any"], sameOriginOnly: true, limit: "export" },
  async (_request, { user, db, params }) => {
    const file = await exportCaseAccessLog(db, user, params.caseId);
    return new Response(file.csv, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
