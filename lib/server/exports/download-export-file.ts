import type { PrismaClient } from "@/lib/db/prisma";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";
import { EXPORT_KINDS, type ExportKind } from "./export-kinds";

export const EXPORT_FILE_DOWNLOADED_ACTION = "exportFile.downloaded";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Download a background export file: only its owner, only while it is ready and not expired, and
 * only while they still hold the export's permissions; anything else is NOT_FOUND, like a random
 * id (docs/security.md AC-01). The read and its audit row are one transaction (LG-02).
 */
export async function downloadExportFile(prisma: PrismaClient, actor: UseCaseActor, fileId: string, now: Date = new Date()): Promise<{ filename: string; csv: string }> {
  if (!UUID.test(fileId)) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return prisma.$transaction(async (tx) => {
    const file = await tx.exportFile.findFirst({
      where: { id: fileId, userId: actor.id, status: "ready", expiresAt: { gt: now } },
      select: { id: true, kind: true, filename: true, content: true, rowsWritten: true },
    });
    if (!file?.content) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
    const kind: ExportKind | undefined = (EXPORT_KINDS as Record<string, ExportKind>)[file.kind];
    if (!kind) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
    for (const permission of kind.permissions) assertCan(actor, permission);
    await recordAudit(tx, actor, { action: EXPORT_FILE_DOWNLOADED_ACTION, entityType: "ExportFile", entityId: file.id, after: { kind: file.kind, rowCount: file.rowsWritten } });
    return { filename: file.filename, csv: Buffer.from(file.content).toString("utf8") };
  });
}
