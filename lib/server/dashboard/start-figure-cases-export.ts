import type { IsoDate } from "@/lib/calendar/iso-date";
import type { PrismaClient } from "@/lib/db/prisma";
import { FIGURE_LABELS, type DrillDown } from "@/lib/domain/dashboard/drill-down";
import { BACKGROUND_EXPORT_THRESHOLD } from "@/lib/domain/exports/export-files";
import type { UseCaseActor } from "../assert-can";
import { exportNowOrLater, type ExportNowOrLater } from "../exports/export-now-or-later";
import type { DashboardExport } from "./export-dashboard-list";
import { countFigureCases, exportFigureCases } from "./export-figure-cases";

/**
 * The cases behind a count as CSV: up to the threshold now, over it a background file for
 * /downloads (docs/decisions/0022-background-jobs.md). `fields` are the export form's fields,
 * stored so the job parses them with the same schema.
 */
export function startFigureCasesExport(
  prisma: PrismaClient,
  actor: UseCaseActor,
  drillDown: DrillDown,
  fields: Record<string, string | string[]>,
  today: IsoDate,
  now: Date,
  threshold: number = BACKGROUND_EXPORT_THRESHOLD,
): Promise<ExportNowOrLater<DashboardExport>> {
  return exportNowOrLater(
    prisma,
    actor,
    {
      count: () => countFigureCases(prisma, actor, drillDown, today, now),
      now: () => exportFigureCases(prisma, actor, drillDown, today, now),
      later: {
        kind: "figure-cases",
        params: { fields, today, at: now.toISOString() },
        label: `Dashboard export of ${FIGURE_LABELS[drillDown.figure].toLowerCase()}`,
        filename: `ses-${drillDown.figure}-${today}.csv`,
      },
    },
    threshold,
    now,
  );
}
