import type { IsoDate } from "@/lib/calendar/iso-date";
import type { PrismaClient } from "@/lib/db/prisma";
import { dashboardExportSchema } from "@/lib/domain/dashboard/filters";
import { BACKGROUND_EXPORT_THRESHOLD } from "@/lib/domain/exports/export-files";
import type { UseCaseActor } from "../assert-can";
import { dashboardExportLabel } from "../exports/export-kinds";
import { queueExportFile } from "../exports/queue-export-file";
import { canQueueJobs } from "../jobs/queue-available";
import { countDashboardList, exportDashboardList, type DashboardExport } from "./export-dashboard-list";

export type StartedDashboardExport = { file: DashboardExport } | { queuedFileId: string };

/**
 * A dashboard list's CSV export (docs/decisions/0022-background-jobs.md): count the rows first; up
 * to `threshold` (5,000) the file is built now, as before; over it — when there is a job queue —
 * the export is queued as a background file for /downloads. `fields` are the export form's fields,
 * stored so the job parses them with the same schema.
 */
export async function startDashboardExport(
  prisma: PrismaClient,
  actor: UseCaseActor,
  fields: Record<string, string>,
  today: IsoDate,
  threshold: number = BACKGROUND_EXPORT_THRESHOLD,
  now: Date = new Date(),
): Promise<StartedDashboardExport> {
  const request = dashboardExportSchema.parse(fields);
  const total = await countDashboardList(prisma, actor, request, today);
  if (total <= threshold || !(await canQueueJobs(prisma))) return { file: await exportDashboardList(prisma, actor, request, today) };
  const { label, filename } = dashboardExportLabel(request.list, today);
  const { fileId } = await queueExportFile(prisma, actor, { kind: "dashboard-list", params: { fields, today }, label, filename, rowsTotal: total }, now);
  return { queuedFileId: fileId };
}
