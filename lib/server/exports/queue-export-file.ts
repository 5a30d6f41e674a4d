import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/prisma";
import { EXPORT_FILE_HOURS, EXPORT_FILE_MAX_ATTEMPTS } from "@/lib/domain/exports/export-files";
import { assertCan, type UseCaseActor } from "../assert-can";
import { enqueueJob } from "../jobs/enqueue-job";
import { JOB } from "../jobs/job-names";
import { EXPORT_KINDS, type ExportKindName } from "./export-kinds";

export interface ExportFileRequest {
  kind: ExportKindName;
  /** The export's own parameters (its form fields and the day), stored to build it again in the job. */
  params: Record<string, unknown>;
  /** What the downloads page calls it: the export's name, never personal data. */
  label: string;
  filename: string;
  /** The row count when it was asked for (progress is shown against it). */
  rowsTotal: number;
}

/** One key per user, export and filter: a repeat of the same request finds the file already pending. */
export function exportDedupeKey(userId: string, kind: string, params: Record<string, unknown>): string {
  return createHash("sha256").update(`${userId}\n${kind}\n${stableJson(params)}`).digest("hex");
}

/** JSON with object keys in order, so the same filters give the same key whatever the form's field order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Queue a large export as a file to build in the background (docs/decisions/0022-background-jobs.md):
 * the file's row and its job in one transaction. A request matching a file of the same user,
 * export and filter that is still queued or being prepared (a double click, a reload) returns that
 * file instead — one job, one file. The transaction-scoped advisory lock on the key makes two
 * simultaneous requests take turns.
 */
export async function queueExportFile(prisma: PrismaClient, actor: UseCaseActor, request: ExportFileRequest, now: Date = new Date()): Promise<{ fileId: string; created: boolean }> {
  for (const permission of EXPORT_KINDS[request.kind].permissions) assertCan(actor, permission);
  const dedupeKey = exportDedupeKey(actor.id, request.kind, request.params);
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${dedupeKey}))) AS taken`;
    const pending = await tx.exportFile.findFirst({ where: { userId: actor.id, dedupeKey, status: { in: ["queued", "running"] } }, select: { id: true } });
    if (pending) return { fileId: pending.id, created: false };
    const file = await tx.exportFile.create({
      data: {
        userId: actor.id,
        kind: request.kind,
        dedupeKey,
        params: request.params as object,
        label: request.label,
        filename: request.filename,
        rowsTotal: request.rowsTotal,
        createdAt: now,
        expiresAt: new Date(now.getTime() + EXPORT_FILE_HOURS * 3_600_000),
      },
      select: { id: true },
    });
    await enqueueJob(tx, JOB.buildExportFile, { fileId: file.id }, { jobKey: `export-file:${file.id}`, maxAttempts: EXPORT_FILE_MAX_ATTEMPTS });
    return { fileId: file.id, created: true };
  });
}
