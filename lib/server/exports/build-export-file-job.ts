import { z } from "zod";
import { Prisma, type PrismaClient } from "@/lib/db/prisma";
import { EXPORT_FILE_MAX_ATTEMPTS } from "@/lib/domain/exports/export-files";
import type { Role } from "@/lib/domain/permissions";
import { logger } from "@/lib/log/logger";
import { assertCan, type UseCaseActor } from "../assert-can";
import type { JobContext } from "../jobs/job-context";
import { EXPORT_KINDS, type ExportKind } from "./export-kinds";

const payloadSchema = z.object({ fileId: z.uuid() });

/** Reading a large list page by page in one snapshot. */
const BUILD_TRANSACTION = { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 600_000, maxWait: 10_000 } as const;

/**
 * Build a queued export file (docs/decisions/0022-background-jobs.md). It runs as the user who
 * asked, with their roles as they are now (a user who lost the permission, or left, gets a failed
 * file, not the rows). The rows are read in one snapshot transaction, progress written after each
 * page; then the content, the ready state and the export's own audit row are written in one
 * transaction. A file already ready or failed is left alone, so a rerun does nothing; a run that
 * failed for the last time marks the file failed.
 */
export async function buildExportFileJob(payload: unknown, context: JobContext): Promise<void> {
  const { fileId } = payloadSchema.parse(payload);
  const { db } = context;
  const file = await db.exportFile.findUnique({ where: { id: fileId }, select: { id: true, userId: true, kind: true, params: true, status: true } });
  if (!file || file.status === "ready" || file.status === "failed") return;
  try {
    const user = await db.user.findUnique({ where: { id: file.userId }, select: { id: true, roles: true, organisationId: true, active: true } });
    if (!user?.active) throw new Error("The user who asked for this export can no longer sign in");
    const actor: UseCaseActor = { id: user.id, roles: user.roles as Role[], organisationId: user.organisationId };
    const kind: ExportKind | undefined = (EXPORT_KINDS as Record<string, ExportKind>)[file.kind];
    if (!kind) throw new Error(`Unknown export kind`);
    for (const permission of kind.permissions) assertCan(actor, permission);
    const params = kind.parse(file.params) as never;
    await db.exportFile.update({ where: { id: fileId }, data: { status: "running", rowsWritten: 0 } });
    if ("whole" in kind) {
      await db.$transaction(async (tx) => {
        const file = await kind.whole(tx as unknown as PrismaClient, actor, params);
        const rows = file.rowCount || Math.max(0, file.csv.split("\r\n").length - 2);
        await tx.exportFile.update({
          where: { id: fileId },
          data: { status: "ready", content: Buffer.from(file.csv, "utf8"), filename: file.filename, rowsWritten: rows, rowsTotal: rows, completedAt: context.now() },
        });
      }, BUILD_TRANSACTION);
      return;
    }
    const built = await db.$transaction(
      (tx) => kind.build(tx, actor, params, fileId, async (written, total) => void (await db.exportFile.update({ where: { id: fileId }, data: { rowsWritten: written, rowsTotal: total } }))),
      BUILD_TRANSACTION,
    );
    await db.$transaction(async (tx) => {
      await tx.exportFile.update({
        where: { id: fileId },
        data: { status: "ready", content: Buffer.from(built.csv, "utf8"), rowsWritten: built.rowCount, rowsTotal: built.rowCount, completedAt: context.now() },
      });
      await kind.audit(tx, actor, params, built.rowCount, fileId);
    });
  } catch (error) {
    if (context.job.attempts >= EXPORT_FILE_MAX_ATTEMPTS) {
      await db.exportFile.updateMany({ where: { id: fileId, status: { in: ["queued", "running"] } }, data: { status: "failed", completedAt: context.now() } });
      logger.warn({ fileId }, "background export failed for the last time");
    }
    throw error;
  }
}
