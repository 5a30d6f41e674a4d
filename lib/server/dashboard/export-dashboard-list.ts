import type { IsoDate } from "@/lib/calendar/iso-date";
import type { WorkingDayCalendar } from "@/lib/calendar";
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

type ListDb = Parameters<typeof listOpenCases>[0];

/** One page of a dashboard list, as CSV cells (header-less), and the list's total. */
async function listPage(
  db: ListDb,
  actor: UseCaseActor,
  request: DashboardExportRequest,
  today: IsoDate,
  page: { page: number; pageSize: number; calendar: WorkingDayCalendar },
): Promise<{ rows: unknown[]; total: number }> {
  const { list, sort, ...filters } = request;
  // The at-risk rows in the order the manager sorted them on screen.
  if (list === "at-risk") return listAtRisk(db, actor, filters, today, { ...page, sort });
  if (list === "unassigned") return listUnassigned(db, actor, filters, today, page);
  return listOpenCases(db, actor, filters, page);
}

function csvOf(list: DashboardExportRequest["list"], rows: unknown[]): string {
  // The rows came from the list's own function above, so they are that list's row type.
  if (list === "at-risk") return toCsv(AT_RISK_CSV, rows as never);
  if (list === "unassigned") return toCsv(UNASSIGNED_CSV, rows as never);
  return toCsv(OPEN_CASES_CSV, rows as never);
}

function assertCanExport(actor: UseCaseActor): void {
  assertCan(actor, "read:dashboard:any");
  assertCan(actor, "export:case-list:any");
}

/** How many rows the export of this list would have (to choose between the download now and a background file). */
export async function countDashboardList(prisma: ListDb & Parameters<typeof loadCalendar>[0], actor: UseCaseActor, request: DashboardExportRequest, today: IsoDate): Promise<number> {
  assertCanExport(actor);
  const calendar = await loadCalendar(prisma);
  return (await listPage(prisma, actor, request, today, { page: 1, pageSize: 1, calendar })).total;
}

/** The export's audit row: who, which list, the filters, how many rows (and the background file, if any). */
export function auditDashboardExport(prisma: Parameters<typeof recordAudit>[0], actor: UseCaseActor, request: DashboardExportRequest, rowCount: number, fileId?: string) {
  const { list, sort: _sort, ...filters } = request;
  return recordAudit(prisma, actor, {
    action: "dashboard.export",
    entityType: "CaseList",
    entityId: list,
    after: {
      list,
      filters: { site: filters.site, caseworker: filters.caseworker ?? null, route: filters.route ?? null, period: filters.period },
      rowCount,
      ...(fileId ? { exportFileId: fileId } : {}),
    },
  });
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
  input: Omit<DashboardExportRequest, "site"> & { site?: string[] },
  today: IsoDate,
): Promise<DashboardExport> {
  assertCanExport(actor);
  const request: DashboardExportRequest = { ...input, site: input.site ?? [] };
  const calendar = await loadCalendar(prisma);
  const result = await listPage(prisma, actor, request, today, { page: 1, pageSize: EXPORT_ROW_LIMIT, calendar });
  const csv = csvOf(request.list, result.rows);
  const rowCount = result.rows.length;
  await auditDashboardExport(prisma, actor, request, rowCount);
  return { filename: exportFilename(request.list, today), csv, rowCount, truncated: result.total > rowCount };
}

/** Rows per page when a background job builds a large export, reporting progress after each. */
export const EXPORT_JOB_PAGE_SIZE = 1_000;

/**
 * The same export built by a background job (docs/decisions/0022-background-jobs.md): the same
 * list function, filters and order, read page by page in the caller's transaction (a snapshot, so
 * pages never overlap or miss a row), with no row cap; `onProgress` after each page. The job
 * audits it (auditDashboardExport, with the file's id) when it stores the file.
 */
export async function buildDashboardListFile(
  tx: ListDb & Parameters<typeof loadCalendar>[0],
  actor: UseCaseActor,
  request: DashboardExportRequest,
  today: IsoDate,
  _fileId: string,
  onProgress: (rowsWritten: number, total: number) => Promise<void>,
): Promise<{ csv: string; rowCount: number }> {
  assertCanExport(actor);
  const calendar = await loadCalendar(tx);
  const rows: unknown[] = [];
  let total = Number.POSITIVE_INFINITY;
  for (let page = 1; rows.length < total; page++) {
    const result = await listPage(tx, actor, request, today, { page, pageSize: EXPORT_JOB_PAGE_SIZE, calendar });
    total = result.total;
    if (result.rows.length === 0) break;
    rows.push(...result.rows);
    await onProgress(rows.length, total);
  }
  return { csv: csvOf(request.list, rows), rowCount: rows.length };
}
