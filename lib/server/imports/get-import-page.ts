import type { PrismaClient } from "@/lib/db/prisma";
import { importColumns, type ColumnMapping, type ImportKind } from "@/lib/domain/import/import-columns";
import type { RowProblem } from "@/lib/domain/import/prap-import-row";
import type { UseCaseActor } from "../assert-can";
import { listSavedMappings } from "./confirm-import-mapping";
import { findImport } from "./import-access";

export const PREVIEW_ROWS_SHOWN = 500;

export interface ImportRowLine {
  rowNumber: number;
  outcome: string;
  problems: RowProblem[];
  caseId: string | null;
}

/**
 * What the import page shows at each stage: the mapping (proposed or saved), the preview's
 * counts and problem rows, the progress while committing, and the report.
 */
export async function getImportPage(db: PrismaClient, actor: UseCaseActor, importId: string) {
  const current = await findImport(db, actor, importId);
  const kind = current.kind as ImportKind;
  const counts = await db.referralImportRow.groupBy({ by: ["outcome"], where: { importId }, _count: { _all: true } });
  const countOf = (outcome: string) => counts.find((row) => row.outcome === outcome)?._count._all ?? 0;
  const problemRows = await db.referralImportRow.findMany({
    where: { importId, outcome: { in: ["invalid", "duplicate", "skipped", "failed"] } },
    orderBy: { rowNumber: "asc" },
    take: PREVIEW_ROWS_SHOWN,
    select: { rowNumber: true, outcome: true, problems: true, caseId: true },
  });
  const earlierImport = await db.referralImport.findFirst({
    where: { organisationId: actor.organisationId, checksum: current.checksum, kind: current.kind, status: "committed", id: { not: current.id } },
    orderBy: { committedAt: "asc" },
    select: { id: true, committedAt: true },
  });
  const site = await db.site.findUnique({ where: { id: current.siteId }, select: { name: true } });
  const reconciliation = await db.reconciliation.findFirst({ where: { importId }, select: { id: true } });
  return {
    id: current.id,
    kind,
    version: current.version,
    status: current.status,
    commitByJob: current.commitByJob,
    fileName: current.fileName,
    siteName: site?.name ?? "",
    rowCount: current.rowCount,
    headers: current.headers as string[],
    mapping: (current.mapping ?? {}) as ColumnMapping,
    columns: importColumns(kind),
    savedMappings: (await listSavedMappings(db, actor, kind)).map((saved) => ({ id: saved.id, name: saved.name, mapping: saved.mapping as ColumnMapping })),
    counts: {
      ready: countOf("ready"),
      invalid: countOf("invalid"),
      duplicate: countOf("duplicate"),
      created: current.createdCount,
      skipped: current.skippedCount,
      failed: current.failedCount,
    },
    processed: current.createdCount + current.skippedCount + current.failedCount,
    problemRows: problemRows.map((row): ImportRowLine => ({ rowNumber: row.rowNumber, outcome: row.outcome, problems: (row.problems ?? []) as unknown as RowProblem[], caseId: row.caseId })),
    earlierImport: earlierImport ? { id: earlierImport.id, committedAt: earlierImport.committedAt?.toISOString() ?? null } : null,
    reconciliationId: reconciliation?.id ?? null,
  };
}

export type ImportPage = Awaited<ReturnType<typeof getImportPage>>;
