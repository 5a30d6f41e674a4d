import type { IsoDate } from "@/lib/calendar/iso-date";
import type { PrismaClient } from "@/lib/db/prisma";
import { AT_RISK_CSV, EXPORT_ROW_LIMIT, OPEN_CASES_CSV, UNASSIGNED_CSV, exportFilename } from "@/lib/domain/dashboard/csv-columns";
import type { DashboardExportRequest } from "@/lib/domain/dashboard/filters";
import { recordAudit } from "../audit/record-audit";
import { toCsv } from "../export/to-csv";
import { loadCalendar } from "../reference/load-calendar";
import { assertCan, type UseCaseActor } from "../assert-can";
import { listAtRisk, listOpenCases, listUnassigned } from "./load-dashboard";

export interface DashboardExport {
  filename: string;
  /** UTF-8 text starting with a byte-order mark, every cell formula-escaped. */
  csv: string;
  rowCount: number;
  truncated: boolean;
}


/**
 * Export one filtered dashboard list as CSV. The rows are exactly the page's list —
 * same function, same filters, same order — without pagination, up to EXPORT_ROW_LIMIT. SCR
 * cases never appear (decision 0005). One audit row per export: who, which list, the filters,
 * how many rows (docs/security.md, group G: logging and audit).
 */
export async function exportDashboardList(
  prisma: PrismaClient,
  actor: UseCaseActor,
  request: Omit<DashboardExportRequest, "site"> & { site?: string[] },
  today: IsoDate,
): Promise<DashboardExport> {
  assertCan(actor, "read:dashboard:any");
  assertCan(actor, "export:case-list:any");
  const { list, site = [], sort, ...rest } = request;
  const filters = { ...rest, site };
  const calendar = await loadCalendar(prisma);
  const options = { page: 1, pageSize: EXPORT_ROW_LIMIT, calendar };
  let csv: string;
  let rowCount: number;
  let total: number;
  if (list === "at-risk") {
    // The rows in the order the manager sorted them on screen.
    const result = await listAtRisk(prisma, actor, filters, today, { ...options, sort });
    csv = toCsv(AT_RISK_CSV, result.rows);
    rowCount = result.rows.length;
    total = result.total;
  } else if (list === "unassigned") {
    const result = await listUnassigned(prisma, actor, filters, today, options);
    csv = toCsv(UNASSIGNED_CSV, result.rows);
    rowCount = result.rows.length;
    total = result.total;
  } else {
    const result = await listOpenCases(prisma, actor, filters, options);
    csv = toCsv(OPEN_CASES_CSV, result.rows);
    rowCount = result.rows.length;
    total = result.total;
  }
  await recordAudit(prisma, actor, {
    action: "dashboard.export",
    entityType: "CaseList",
    entityId: list,
    after: { list, filters: { site: filters.site, caseworker: filters.caseworker ?? null, route: filters.route ?? null, period: filters.period }, rowCount },
  });
  return { filename: exportFilename(list, today), csv, rowCount, truncated: total > rowCount };
}
