import { todayInLondon } from "@/lib/calendar/iso-date";
import { drillDownExportSchema } from "@/lib/domain/dashboard/drill-down";
import { attachmentResponse, authorisedRoute, plainResponse } from "@/lib/server/actions/authorised-route";
import { exportFigureCases } from "@/lib/server/dashboard/export-figure-cases";

/**
 * POST /dashboard/cases/export — the cases behind a dashboard count as a CSV download (the same
 * rows as /dashboard/cases). A POST because every export writes an audit row (CS-01); same-origin
 * only (CS-05); needs `export:case-list:any`, otherwise the same 404 as a page that does not exist.
 */
export const POST = authorisedRoute<Record<string, never>>(
  { permissions: ["read:dashboard:any", "export:case-list:any"], sameOriginOnly: true, limit: "export" },
  async (request, { user, db }) => {
    const form = await request.formData();
    const fields: Record<string, string | string[]> = { site: [] };
    for (const [key, value] of form.entries()) {
      if (typeof value !== "string") continue;
      if (key === "site") (fields.site as string[]).push(value);
      else if (value !== "") fields[key] = value;
    }
    const parsed = drillDownExportSchema.safeParse(fields);
    if (!parsed.success) return plainResponse(400, "The export request was not valid. Go back to the dashboard and try again.");
    const now = new Date();
    const file = await exportFigureCases(db, user, parsed.data, todayInLondon(now), now);
    return attachmentResponse(file.csv, "text/csv; charset=utf-8", file.filename);
  },
);
