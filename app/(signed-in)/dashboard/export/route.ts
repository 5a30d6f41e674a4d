import { todayInLondon } from "@/lib/calendar/iso-date";
import { dashboardExportSchema } from "@/lib/domain/dashboard/filters";
import { attachmentResponse, authorisedRoute, plainResponse } from "@/lib/server/actions/authorised-route";
import { exportDashboardList } from "@/lib/server/dashboard/export-dashboard-list";

/**
 * POST /dashboard/export — a filtered dashboard list as a CSV download. A POST because every
 * export writes an audit row (CS-01); same-origin only (CS-05); the session user must hold
 * `export:case-list:any`, otherwise the same 404 as a page that does not exist.
 */
export const POST = authorisedRoute<Record<string, never>>(
  { permissions: ["read:dashboard:any", "export:case-list:any"], sameOriginOnly: true, limit: "export" },
  async (request, { user, db }) => {
    const form = await request.formData();
    const fields: Record<string, string | string[]> = { site: [] };
    for (const [key, value] of form.entries()) {
      if (typeof value !== "string") continue;
      if (key === "site") (fields.site as string[]).push(value);
      else fields[key] = value;
    }
    const parsed = dashboardExportSchema.safeParse(fields);
    if (!parsed.success) return plainResponse(400, "The export request was not valid. Go back to the dashboard and try again.");
    const file = await exportDashboardList(db, user, parsed.data, todayInLondon(new Date()));
    return attachmentResponse(file.csv, "text/csv; charset=utf-8", file.filename);
  },
);
