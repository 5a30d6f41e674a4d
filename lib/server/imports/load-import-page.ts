import type { PrismaClient } from "@/lib/db/prisma";
import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { continueImport } from "./continue-import";
import { expectedFromReconciliation } from "./expect-from-reconciliation";
import { getImportPage } from "./get-import-page";
import { getReconciliation } from "./get-reconciliation";

/**
 * A visit to the import page. While an import the page drives commits (up to 1,000 rows, or with
 * no job queue), each visit runs its next batch (the page refreshes itself), so the import
 * advances while the page is open and resumes when it is revisited. An import committed by the
 * imports:commit job is only read: the visit shows its progress
 * (docs/decisions/0023-bulk-import-and-expected-referrals.md).
 */
export async function visitImport(db: PrismaClient, user: UseCaseActor, importId: string) {
  const view = await getImportPage(db, user, importId);
  if (view.status === "committing" && !view.commitByJob) {
    await continueImport(db, importId);
    return getImportPage(db, user, importId);
  }
  return view;
}

export function loadImportPage(user: UseCaseActor, importId: string) {
  return loadPage((db) => visitImport(db, user, importId));
}

export function loadImportStartPage(user: UseCaseActor) {
  return loadPage(async (db) => {
    const recent = await db.referralImport.findMany({
      where: { organisationId: user.organisationId },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, kind: true, fileName: true, status: true, rowCount: true, createdAt: true, createdCount: true },
    });
    return recent.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  });
}

/** A saved reconciliation (app/(signed-in)/referrals/reconciliations/[reconciliationId]), or the 404 page. */
export function loadReconciliationPage(user: UseCaseActor, reconciliationId: string) {
  return loadPage(async (db) => {
    const view = await getReconciliation(db, user, reconciliationId);
    // The expected referrals made from its rows in one click, by row number.
    const made = await expectedFromReconciliation(db, user, view.id);
    return { ...view, made: Object.fromEntries(made) as Record<number, string> };
  });
}
