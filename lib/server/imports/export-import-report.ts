import type { PrismaClient } from "@/lib/db/prisma";
import type { RowProblem } from "@/lib/domain/import/prap-import-row";
import type { UseCaseActor } from "../assert-can";
import { recordAudit } from "../audit/record-audit";
import { caseWhereVisibleTo } from "../cases/case-visibility";
import { toCsv } from "../export/to-csv";
import { findImport } from "./import-access";

const OUTCOME_LABELS: Record<string, string> = {
  created: "Created",
  skipped: "Skipped",
  failed: "Failed",
  ready: "Will be created",
  duplicate: "Duplicate: will be skipped",
  invalid: "Has errors: will not be created",
  pending: "Not checked yet",
};

/**
 * The import report as CSV: every input row exactly once, with its outcome and reason, and the
 * case reference where one was created. A reference is given only for a case the importer may
 * see or recorded themselves — exactly what the intake's confirmation tells them.
 */
export async function exportImportReport(db: PrismaClient, actor: UseCaseActor, importId: string): Promise<{ csv: string; filename: string }> {
  const current = await findImport(db, actor, importId);
  const rows = await db.referralImportRow.findMany({ where: { importId }, orderBy: { rowNumber: "asc" }, select: { rowNumber: true, outcome: true, problems: true, caseId: true } });
  const caseIds = rows.flatMap((row) => (row.caseId ? [row.caseId] : []));
  const cases = await db.case.findMany({
    where: { AND: [{ id: { in: caseIds } }, { OR: [caseWhereVisibleTo(actor), { createdById: actor.id, organisationId: actor.organisationId }] }] },
    select: { id: true, reference: true },
  });
  const references = new Map(cases.map((row) => [row.id, row.reference]));
  await recordAudit(db, actor, { action: "referral_import.report_exported", entityType: "ReferralImport", entityId: importId });
  const csv = toCsv(
    [
      { header: "Row", cell: (row: (typeof rows)[number]) => row.rowNumber },
      { header: "Outcome", cell: (row) => OUTCOME_LABELS[row.outcome] ?? row.outcome },
      { header: "Case", cell: (row) => (row.caseId ? (references.get(row.caseId) ?? "") : "") },
      { header: "Reason", cell: (row) => ((row.problems ?? []) as unknown as RowProblem[]).map((problem) => `${problem.column}: ${problem.message}`).join("; ") },
    ],
    rows,
  );
  return { csv, filename: `import-report-${current.createdAt.toISOString().slice(0, 10)}-${importId.slice(0, 8)}.csv` };
}

/** How many rows the report would hold (to choose between the download now and a background file). */
export async function countImportReport(db: PrismaClient, actor: UseCaseActor, importId: string): Promise<number> {
  await findImport(db, actor, importId);
  return db.referralImportRow.count({ where: { importId } });
}
