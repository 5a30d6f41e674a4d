import type { PrismaClient } from "@/lib/db/prisma";
import type { CsvCell } from "@/lib/domain/dashboard/csv-columns";
import { SECURITY_REPORT_EXPORT_LIMIT, type SecurityReportFilters } from "@/lib/domain/security/security-report";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { toCsv } from "../export/to-csv";
import { securityEventRows, securityEventsWhere, type SecurityEventRow } from "./list-security-events";

export const SECURITY_REPORT_CSV: { header: string; cell: (row: SecurityEventRow) => CsvCell }[] = [
  { header: "When", cell: (row) => row.at },
  { header: "Kind", cell: (row) => row.category },
  { header: "What", cell: (row) => row.what },
  { header: "Who", cell: (row) => row.actorName ?? "Not signed in" },
  { header: "Their roles", cell: (row) => row.actorRoles.join(" ") },
  { header: "About", cell: (row) => row.subject },
  { header: "Detail", cell: (row) => row.detail },
  { header: "IP address", cell: (row) => row.ip },
];

export const SECURITY_REPORT_EXPORTED_ACTION = "security_report.exported";

/**
 * The security report as CSV, up to SECURITY_REPORT_EXPORT_LIMIT events, newest first. The export
 * itself is audited: who, the filters, how many rows (docs/security.md LG-01, the same as the
 * dashboard's exports).
 */
export async function exportSecurityReport(prisma: PrismaClient, actor: UseCaseActor, filters: SecurityReportFilters, now: Date): Promise<{ csv: string; filename: string; rowCount: number }> {
  assertCan(actor, "read:security-report:any");
  const { where, users } = await securityEventsWhere(prisma, actor, filters);
  const events = await prisma.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: SECURITY_REPORT_EXPORT_LIMIT });
  const rows = await securityEventRows(prisma, actor, events, users);
  await recordAudit(prisma, actor, {
    action: SECURITY_REPORT_EXPORTED_ACTION,
    entityType: "SecurityReport",
    after: { ...filters, rowCount: rows.length },
  });
  return { csv: toCsv(SECURITY_REPORT_CSV, rows), filename: `security-report-${now.toISOString().slice(0, 10)}.csv`, rowCount: rows.length };
}

/** How many rows the export would hold (to choose between the download now and a background file). */
export async function countSecurityReport(prisma: PrismaClient, actor: UseCaseActor, filters: SecurityReportFilters): Promise<number> {
  assertCan(actor, "read:security-report:any");
  const { where } = await securityEventsWhere(prisma, actor, filters);
  return Math.min(await prisma.auditEvent.count({ where }), SECURITY_REPORT_EXPORT_LIMIT);
}
