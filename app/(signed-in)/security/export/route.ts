import { securityReportFiltersSchema } from "@/lib/domain/security/security-report";
import { authorisedRoute, plainResponse } from "@/lib/server/actions/authorised-route";
import { backgroundExportThreshold } from "@/lib/domain/exports/export-files";
import { exportResponse } from "@/lib/server/exports/export-now-or-later";
import { startSecurityReportExport } from "@/lib/server/security/start-security-report-export";

/**
 * POST /security/export — the security report, with the page's filters, as CSV. A POST because the
 * export writes an audit row (CS-01); same-origin only (CS-05); nominated officers and
 * administrators only, anyone else gets the same 404 as a page that does not exist.
 */
export const POST = authorisedRoute<Record<string, never>>(
  { permissions: ["read:security-report:any"], sameOriginOnly: true, limit: "export" },
  async (request, { user, db }) => {
    const form = await request.formData();
    const fields: Record<string, string> = {};
    for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
    const parsed = securityReportFiltersSchema.safeParse(fields);
    if (!parsed.success) return plainResponse(400, "The export request was not valid. Go back to the security report and try again.");
    return exportResponse(await startSecurityReportExport(db, user, fields, new Date(), backgroundExportThreshold(process.env)));
  },
);
