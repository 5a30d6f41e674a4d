import type { PrismaClient } from "@/lib/db/prisma";
import { BACKGROUND_EXPORT_THRESHOLD } from "@/lib/domain/exports/export-files";
import { attachmentResponse } from "../actions/authorised-route";
import type { UseCaseActor } from "../assert-can";
import { canQueueJobs } from "../jobs/queue-available";
import { queueExportFile, type ExportFileRequest } from "./queue-export-file";

export type ExportNowOrLater<File> = { file: File } | { queuedFileId: string };

/**
 * Every CSV export the app offers goes through here (docs/decisions/0022-background-jobs.md): count
 * the rows first; up to `threshold` (5,000) — or where there is no job queue — build the file now,
 * as before; over it, queue it as a background file for /downloads. The count uses the export's
 * own scope, so a refused or unknown record fails here exactly as the export would.
 */
export async function exportNowOrLater<File>(
  prisma: PrismaClient,
  actor: UseCaseActor,
  request: { count: () => Promise<number>; now: () => Promise<File>; later: Omit<ExportFileRequest, "rowsTotal"> },
  threshold: number = BACKGROUND_EXPORT_THRESHOLD,
  now: Date = new Date(),
): Promise<ExportNowOrLater<File>> {
  const total = await request.count();
  if (total <= threshold || !(await canQueueJobs(prisma))) return { file: await request.now() };
  const { fileId } = await queueExportFile(prisma, actor, { ...request.later, rowsTotal: total }, now);
  return { queuedFileId: fileId };
}

/** The route's answer: the CSV now, or See Other to /downloads where the queued file will appear. */
export function exportResponse(started: ExportNowOrLater<{ csv: string; filename: string }>): Response {
  if ("queuedFileId" in started) {
    return new Response(null, { status: 303, headers: { Location: `/downloads?queued=${started.queuedFileId}`, "Cache-Control": "no-store" } });
  }
  return attachmentResponse(started.file.csv, "text/csv; charset=utf-8", started.file.filename);
}
