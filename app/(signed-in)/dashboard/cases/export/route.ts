import { todayInLondon } from "@/lib/calendar/iso-date";
import { formDataToObject } from "@/lib/forms/parse-form";
import { drillDownExportSchema } from "@/lib/domain/dashboard/drill-down";
import { backgroundExportThreshold } from "@/lib/domain/exports/export-files";
import { authorisedRoute, plainResponse } from "@/lib/server/actions/authorised-route";
import { startFigureCasesExport } from "@/lib/server/dashboard/start-figure-cases-export";
import { exportResponse } from "@/lib/server/exports/export-now-or-later";

/**
 * POST /dashboard/cases/export — the cases behind a dashboard count as a CSV download (the same
 * rows as /dashboard/cases). A POST because every export writes an audit row (CS-01); same-origin
 * only (CS-05); needs `export:case-list:any`, otherwise the same 404 as a page that does not exist.
 * Over 5,000 rows the file is built in the background and the user is sent to /downloads
 * (docs/decisions/0022-background-jobs.md).
 */
export const POST = authorisedRoute<Record<string, never>>(
  { permissions: ["read:dashboard:any", "export:case-list:any"], sameOriginOnly: true, limit: "export" },
  async (request, { user, db }) => {
    const form = await request.formData();
    // Several sites are several "site" fields; an empty breakdown field is no breakdown.
    const fields = Object.fromEntries(Object.entries(formDataToObject(form, ["site"])).filter(([, value]) => value !== ""));
    const parsed = drillDownExportSchema.safeParse(fields);
    if (!parsed.success) return plainResponse(400, "The export request was not valid. Go back to the dashboard and try again.");
    const now = new Date();
    return exportResponse(await startFigureCasesExport(db, user, parsed.data, fields, todayInLondon(now), now, backgroundExportThreshold(process.env)));
  },
);
