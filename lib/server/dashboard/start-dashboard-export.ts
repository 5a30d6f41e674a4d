import type { IsoDate } from "@/lib/calendar/iso-date";
import type { PrismaClient } from "@/lib/db/prisma";
import { dashboardExportSchema } from "@/lib/domain/dashboard/filters";
import { BACKGROUND_EXPORT_THRESHOLD } from "@/lib/domain/exports/export-files";
import type { UseCaseActor } from "../assert-can";
import { dashboardExportLabel } from "../exports/export-kinds";
import { exportNowOrLater, type ExportNowOrLater } from "../exports/export-now-or-later";
import { countDashboardList, exportDashboardList, type DashboardExport } from "./export-dashboard-list";

/**
 * A dashboard list's CSV export: up to the threshold now, over it a background file
 * (docs/decisions/0022-background-jobs.md). `fields` are the export form's fields, stored so the
 * job parses them with the same schema.
 */
export async function startDashboardExport(
  prisma: PrismaClient,
  actor: UseCaseActor,
  fields: Record<string, string | string[]>,
  today: IsoDate,
  threshold: number = BACKGROUND_EXPORT_THRESHOLD,
  now: Date = new Date(),
): Promise<ExportNowOrLater<DashboardExport>> {
  const request = dashboardExportSchema.parse(fields);
  const { label, filename } = dashboardExportLabel(request.list, today);
  return exportNowOrLater(
    prisma,
    actor,
    {
      count: () => countDashboardList(prisma, actor, request, today),
      now: () => exportDashboardList(prisma, actor, request, today),
      later: { kind: "dashboard-list", params: { fields, today }, label, filename },
    },
    threshold,
    now,
  );
}
