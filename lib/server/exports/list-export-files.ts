import type { PrismaClient } from "@/lib/db/prisma";
import type { ExportFileStatus } from "@/lib/domain/exports/export-files";
import type { UseCaseActor } from "../assert-can";

export interface ExportFileRow {
  id: string;
  label: string;
  filename: string;
  status: ExportFileStatus;
  rowsTotal: number;
  rowsWritten: number;
  createdAt: Date;
  expiresAt: Date;
}

/** The user's own export files not yet expired, newest first (the downloads page). Never the content. */
export async function listExportFiles(db: Pick<PrismaClient, "exportFile">, actor: UseCaseActor, now: Date): Promise<ExportFileRow[]> {
  const rows = await db.exportFile.findMany({
    where: { userId: actor.id, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, filename: true, status: true, rowsTotal: true, rowsWritten: true, createdAt: true, expiresAt: true },
  });
  return rows.map((row) => ({ ...row, status: row.status as ExportFileStatus }));
}
