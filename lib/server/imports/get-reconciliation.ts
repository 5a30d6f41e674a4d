import type { PrismaClient } from "@/lib/db/prisma";
import { MATCH_RULE_LABELS, RECONCILIATION_LISTS, totalsOf, type Reconciliation, type ReconciliationList } from "@/lib/domain/import/reconcile";
import { assertCan, type UseCaseActor } from "../assert-can";
import { recordAudit } from "../audit/record-audit";
import { visibleReferences } from "../cases/visible-references";
import { toCsv } from "../export/to-csv";
import { UseCaseError } from "../use-case-error";

/**
 * A saved reconciliation, reopened. Its lists are filtered through the reader's own visibility:
 * a case the reader may not see (an SCR case, for anyone but a nominated officer) is left out of
 * "case with no row", and a row matched to one reads "no case" (docs/security.md AC-02).
 */
export async function getReconciliation(db: PrismaClient, actor: UseCaseActor, reconciliationId: string) {
  assertCan(actor, "import:referral:any");
  const saved = /^[0-9a-f-]{36}$/i.test(reconciliationId)
    ? await db.reconciliation.findFirst({ where: { id: reconciliationId, organisationId: actor.organisationId } })
    : null;
  if (!saved) throw new UseCaseError("NOT_FOUND", "That reconciliation could not be found.");
  const stored = saved.results as unknown as Reconciliation;
  const ids = [...stored.caseNoRow.map((row) => row.caseId), ...stored.matched, ...stored.differences].flatMap((row) => (typeof row === "string" ? [row] : row.caseId ? [row.caseId] : []));
  const visible = await visibleReferences(db, actor, [...new Set(ids)]);
  const hidden = (caseId: string | null) => caseId !== null && !visible.has(caseId);
  const asNoCase = <T extends { caseId: string | null }>(row: T) => ({ ...row, caseId: null, reference: null, rule: null, differences: [] as string[] });
  const lists: Reconciliation = {
    noCase: [...stored.noCase, ...stored.differences.filter((row) => hidden(row.caseId)).map(asNoCase), ...stored.matched.filter((row) => hidden(row.caseId)).map(asNoCase)].sort(
      (a, b) => a.rowNumber - b.rowNumber,
    ),
    caseNoRow: stored.caseNoRow.filter((row) => !hidden(row.caseId)),
    differences: stored.differences.filter((row) => !hidden(row.caseId)),
    matched: stored.matched.filter((row) => !hidden(row.caseId)),
  };
  return {
    id: saved.id,
    importId: saved.importId,
    fileName: saved.fileName,
    checksum: saved.checksum,
    createdAt: saved.createdAt.toISOString(),
    lists,
    summary: RECONCILIATION_LISTS.map(({ list, label }) => ({ list, label, count: lists[list].length, ...totalsOf(lists[list]) })),
  };
}

/** One list as CSV (audited). */
export async function exportReconciliationList(db: PrismaClient, actor: UseCaseActor, reconciliationId: string, list: ReconciliationList) {
  const view = await getReconciliation(db, actor, reconciliationId);
  await recordAudit(db, actor, { action: "reconciliation.exported", entityType: "Reconciliation", entityId: view.id, after: { list } });
  const filename = `reconciliation-${list}-${view.createdAt.slice(0, 10)}.csv`;
  if (list === "caseNoRow") {
    const csv = toCsv(
      [
        { header: "Case", cell: (row: Reconciliation["caseNoRow"][number]) => row.reference },
        { header: "Name", cell: (row) => row.name },
        { header: "Site", cell: (row) => row.site },
        { header: "Referral date", cell: (row) => row.referralDate ?? "" },
      ],
      view.lists.caseNoRow,
    );
    return { csv, filename };
  }
  const csv = toCsv(
    [
      { header: "Row", cell: (row: Reconciliation["matched"][number]) => row.rowNumber },
      { header: "Name", cell: (row) => row.name },
      { header: "NINO", cell: (row) => row.nino },
      { header: "Referral date", cell: (row) => row.referralDate ?? "" },
      { header: "Site", cell: (row) => row.site },
      { header: "Case", cell: (row) => row.reference ?? "" },
      { header: "Matched by", cell: (row) => (row.rule ? MATCH_RULE_LABELS[row.rule] : "") },
      { header: "Differences", cell: (row) => row.differences.join("; ") },
      { header: "Expected referral recorded", cell: (row) => (row.expectedReferralId ? "Yes" : "") },
    ],
    view.lists[list],
  );
  return { csv, filename };
}

/** How many rows one list's export would hold (to choose between the download now and a background file). */
export async function countReconciliationList(db: PrismaClient, actor: UseCaseActor, reconciliationId: string, list: ReconciliationList): Promise<number> {
  return (await getReconciliation(db, actor, reconciliationId)).lists[list].length;
}
