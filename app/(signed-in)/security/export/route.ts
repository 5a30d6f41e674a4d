import { securityReportFiltersSchema } from "@/lib/domain/security/security-report";
import { authorisedRoute, plainResponse } from "@/lib/server/actions/authorised-route";
import { exportSecurityReport } from "@/lib/server/security/export-security-report";

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
    const file = await exportSecurityReport(db, user, parsed.data, new Date());
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
