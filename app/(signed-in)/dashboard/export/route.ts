import { todayInLondon } from "@/lib/calendar/iso-date";
import { formDataToObject } from "@/lib/forms/parse-form";
import { dashboardExportSchema } from "@/lib/domain/dashboard/filters";
import { backgroundExportThreshold } from "@/lib/domain/exports/export-files";
import { authorisedRoute, plainResponse } from "@/lib/server/actions/authorised-route";
import { startDashboardExport } from "@/lib/server/dashboard/start-dashboard-export";
import { exportResponse } from "@/lib/server/exports/export-now-or-later";

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
    // Several sites are several "site" fields (docs/decisions/0029-manager-dashboard-drill-downs.md).
    const fields = formDataToObject(form, ["site"]);
    if (!dashboardExportSchema.safeParse(fields).success) return plainResponse(400, "The export request was not valid. Go back to the dashboard and try again.");
    return exportResponse(await startDashboardExport(db, user, fields, todayInLondon(new Date()), backgroundExportThreshold(process.env)));
  },
);
