import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/domain/permissions";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { getPrisma } from "@/lib/db/client";
import { dashboardExportSchema } from "@/lib/domain/dashboard/filters";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { exportDashboardList } from "@/lib/server/dashboard/export-dashboard-list";

/**
 * POST /dashboard/export — a filtered dashboard list as a CSV download. A POST because every
 * export writes an audit row (CS-01); same-origin only (CS-05); the session user must hold
 * `export:case-list:any`, otherwise the same 404 as a page that does not exist.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request.headers)) return plain(403, "This request must come from the SES Casework service.");
  const user = await getCurrentUser();
  if (!user || !can(user.roles, "read:dashboard:any") || !can(user.roles, "export:case-list:any")) return plain(404, "Page not found");
  const form = await request.formData();
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
  const parsed = dashboardExportSchema.safeParse(fields);
  if (!parsed.success) return plain(400, "The export request was not valid. Go back to the dashboard and try again.");
  const file = await exportDashboardList(await getPrisma(), user, parsed.data, todayInLondon(new Date()));
  return new Response(file.csv, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
