import type { PrismaClient } from "@/lib/db/prisma";
import { BACKGROUND_EXPORT_THRESHOLD } from "@/lib/domain/exports/export-files";
import { RECONCILIATION_LISTS, type ReconciliationList } from "@/lib/domain/import/reconcile";
import type { UseCaseActor } from "../assert-can";
import { exportNowOrLater } from "../exports/export-now-or-later";
import { countReconciliationList, exportReconciliationList } from "./get-reconciliation";

/** One reconciliation list as CSV: up to the threshold now, over it a background file (docs/decisions/0022-background-jobs.md). */
export function startReconciliationExport(prisma: PrismaClient, actor: UseCaseActor, reconciliationId: string, list: ReconciliationList, threshold: number = BACKGROUND_EXPORT_THRESHOLD) {
  const label = RECONCILIATION_LISTS.find((entry) => entry.list === list)?.label ?? "list";
  return exportNowOrLater(
    prisma,
    actor,
    {
      count: () => countReconciliationList(prisma, actor, reconciliationId, list),
      now: () => exportReconciliationList(prisma, actor, reconciliationId, list),
      later: { kind: "reconciliation-list", params: { reconciliationId, list }, label: `Reconciliation export: ${label}`, filename: `reconciliation-${list}.csv` },
    },
    threshold,
  );
}
