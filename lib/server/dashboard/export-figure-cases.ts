import type { IsoDate } from "@/lib/calendar/iso-date";
import type { PrismaClient } from "@/lib/db/prisma";
import { EXPORT_ROW_LIMIT, FIGURE_CASES_CSV } from "@/lib/domain/dashboard/csv-columns";
import type { DrillDown } from "@/lib/domain/dashboard/drill-down";
import { recordAudit } from "../audit/record-audit";
import { toCsv } from "../export/to-csv";
import { assertCan, type UseCaseActor } from "../assert-can";
import type { DashboardExport } from "./export-dashboard-list";
import { listFigureCases } from "./list-figure-cases";

/**
 * The cases behind one dashboard count as CSV: exactly the drill-down page's rows and order,
 * without pagination, up to EXPORT_ROW_LIMIT; never an SCR case (decision 0005). One audit row
 * per export: who, which figure, the filters, how many rows (docs/security.md, group G).
 */
export async function exportFigureCases(prisma: Parameters<typeof listFigureCases>[0] & Parameters<typeof recordAudit>[0], actor: UseCaseActor, drillDown: DrillDown, today: IsoDate, now = new Date()): Promise<DashboardExport> {
  assertCan(actor, "read:dashboard:any");
  assertCan(actor, "export:case-list:any");
  const result = await listFigureCases(prisma, actor, drillDown, today, { page: 1, pageSize: EXPORT_ROW_LIMIT, now });
  await recordAudit(prisma, actor, {
    action: "dashboard.export",
    entityType: "CaseList",
    entityId: drillDown.figure,
    after: { list: drillDown.figure, filters: { ...drillDown }, rowCount: result.rows.length },
  });
  return { filename: `ses-${drillDown.figure}-${today}.csv`, csv: toCsv(FIGURE_CASES_CSV, result.rows), rowCount: result.rows.length, truncated: result.total > result.rows.length };
}

/** How many cases are behind the count (to choose between the download now and a background file). */
export async function countFigureCases(prisma: PrismaClient, actor: UseCaseActor, drillDown: DrillDown, today: IsoDate, now = new Date()): Promise<number> {
  assertCan(actor, "export:case-list:any");
  return (await listFigureCases(prisma, actor, drillDown, today, { page: 1, pageSize: 1, now })).total;
}

