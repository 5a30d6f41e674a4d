import { todayInLondon } from "@/lib/calendar/iso-date";
import { dashboardExportSchema } from "@/lib/domain/dashboard/filters";
import { backgroundExportThreshold } from "@/lib/domain/exports/export-files";
import { attachmentResponse, authorisedRoute, plainResponse } from "@/lib/server/actions/authorised-route";
import { startDashboardExport } from "@/lib/server/dashboard/start-dashboard-export";

/**
 * POST /dashboard/export — a filtered dashboard list as a CSV download. A POST because every
 * export writes an audit row (CS-01); same-origin only (CS-05); the session user must hold
 * `export:case-list:any`, otherwise the same 404 as a page that does not exist. Over 5,000 rows
 * the file is built in the background and the user is sent to /downloads
 * (docs/decisions/0022-background-jobs.md).
 */
export const POST = authorisedRoute<Record<string, never>>(
  { permissions: ["read:dashboard:any", "export:case-list:any"], sameOriginOnly: true, limit: "export" },
  async (request, { user, db }) => {
    const form = await request.formData();
    const fields: Record<string, string> = {};
    for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
    if (!dashboardExportSchema.safeParse(fields).success) return plainResponse(400, "The export request was not valid. Go back to the dashboard and try again.");
    const started = await startDashboardExport(db, user, fields, todayInLondon(new Date()), backgroundExportThreshold(process.env));
    if ("queuedFileId" in started) {
      return new Response(null, { status: 303, headers: { Location: `/downloads?queued=${started.queuedFileId}`, "Cache-Control": "no-store" } });
    }
    return attachmentResponse(started.file.csv, "text/csv; charset=utf-8", started.file.filename);
  },
);
