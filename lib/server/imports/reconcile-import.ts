import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/prisma";
import type { ColumnMapping } from "@/lib/domain/import/import-columns";
import { reconcile, sheetLineOf, type ReconcileCase } from "@/lib/domain/import/reconcile";
import type { UseCaseActor } from "../assert-can";
import { recordAudit } from "../audit/record-audit";
import { caseWhereVisibleTo } from "../cases/case-visibility";

function monthEnd(month: string): string {
  const [year, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, "0")}`;
}

/**
 * Reconcile a monthly referral spreadsheet (reconcile.ts) against the PRaP cases the actor may
 * see whose referral date falls in the spreadsheet's months, and the open expected referrals;
 * saved with the file's checksum so it can be reopened. Creates no case.
 */
export async function reconcileImport(
  tx: Prisma.TransactionClient,
  actor: UseCaseActor,
  current: { id: string; mapping: unknown; fileName: string; checksum: string },
  now: Date,
): Promise<string> {
  const mapping = current.mapping as ColumnMapping;
  const rows = await tx.referralImportRow.findMany({ where: { importId: current.id }, orderBy: { rowNumber: "asc" }, select: { rowNumber: true, cells: true } });
  const lines = rows.map((row) => sheetLineOf(row.rowNumber, Array.isArray(row.cells) ? row.cells.map((cell) => (typeof cell === "string" ? cell : "")) : [], mapping));
  const months = [...new Set(lines.flatMap((line) => (line.referralDate ? [line.referralDate.slice(0, 7)] : [])))].sort();
  const cases: ReconcileCase[] = [];
  if (months.length > 0) {
    const found = await tx.case.findMany({
      where: {
        AND: [
          caseWhereVisibleTo(actor),
          { route: { in: ["prap_two_stage", "prap_single"] } },
          { referralDate: { gte: isoDateToDb(`${months[0]}-01`), lte: isoDateToDb(monthEnd(months[months.length - 1])) } },
        ],
      },
      select: {
        id: true,
        reference: true,
        referralDate: true,
        site: { select: { name: true } },
        claimant: { select: { nino: true, forename: true, surname: true, dateOfBirth: true } },
        prapReferrals: { select: { purchaseOrderNumber: true } },
        contacts: { where: { role: { in: ["work_coach", "disability_employment_adviser"] } }, select: { name: true } },
      },
    });
    for (const row of found) {
      cases.push({
        id: row.id,
        reference: row.reference,
        siteName: row.site.name,
        nino: row.claimant.nino,
        forename: row.claimant.forename,
        surname: row.claimant.surname,
        dateOfBirth: row.claimant.dateOfBirth ? isoDateFromDb(row.claimant.dateOfBirth) : null,
        referralDate: row.referralDate ? isoDateFromDb(row.referralDate) : null,
        purchaseOrderNumbers: row.prapReferrals.map((referral) => referral.purchaseOrderNumber),
        handoverNames: row.contacts.map((contact) => contact.name),
      });
    }
  }
  const expected = await tx.expectedReferral.findMany({
    where: { organisationId: actor.organisationId, status: "expected" },
    select: { id: true, nino: true, forename: true, surname: true, dateOfBirth: true, calledOn: true, handoverName: true },
  });
  const result = reconcile(
    lines,
    cases,
    expected.map((row) => ({ ...row, dateOfBirth: row.dateOfBirth ? isoDateFromDb(row.dateOfBirth) : null, calledOn: isoDateFromDb(row.calledOn) })),
  );
  const saved = await tx.reconciliation.create({
    data: {
      organisationId: actor.organisationId,
      importId: current.id,
      fileName: current.fileName,
      checksum: current.checksum,
      results: result as unknown as Prisma.InputJsonValue,
      createdById: actor.id,
      createdAt: now,
    },
    select: { id: true },
  });
  await recordAudit(tx, actor, {
    action: "reconciliation.saved",
    entityType: "Reconciliation",
    entityId: saved.id,
    after: { importId: current.id, noCase: result.noCase.length, caseNoRow: result.caseNoRow.length, differences: result.differences.length, matched: result.matched.length },
  });
  return saved.id;
}
