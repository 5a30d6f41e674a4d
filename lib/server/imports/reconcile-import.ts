import { randomUUID } from "node:crypto";
import type { IsoDate } from "@/lib/calendar/iso-date";
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
 * The PRaP cases the actor may see referred between these dates, with what a row is matched and
 * compared against. Which cases: THE visibility rule (caseWhereVisibleTo), as a Prisma where, for
 * their ids alone; their details: one set-based query (hash joins, the purchase orders and the
 * Work Coach or DEA names aggregated once per table) rather than one JSON document per case and
 * relation, which made this read most of a 100,000-case reconciliation's time.
 */
async function casesOfMonths(tx: Prisma.TransactionClient, actor: UseCaseActor, from: string, to: string): Promise<ReconcileCase[]> {
  const visible = await tx.case.findMany({
    where: {
      AND: [caseWhereVisibleTo(actor), { route: { in: ["prap_two_stage", "prap_single"] } }, { referralDate: { gte: isoDateToDb(from), lte: isoDateToDb(to) } }],
    },
    select: { id: true },
  });
  if (visible.length === 0) return [];
  const ids = JSON.stringify(visible.map((row) => row.id));
  const rows = await tx.$queryRaw<
    {
      id: string;
      reference: string;
      siteName: string;
      nino: string | null;
      forename: string;
      surname: string;
      dateOfBirth: string | null;
      referralDate: string | null;
      purchaseOrderNumbers: string[] | null;
      handoverNames: string[] | null;
    }[]
  >`
    SELECT c."id"::text AS "id", c."reference", s."name" AS "siteName",
           cl."nino", cl."forename", cl."surname",
           to_char(cl."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth",
           to_char(c."referralDate", 'YYYY-MM-DD') AS "referralDate",
           p."numbers" AS "purchaseOrderNumbers",
           k."names" AS "handoverNames"
    FROM jsonb_array_elements_text(${ids}::jsonb) AS v("id")
    JOIN "Case" c ON c."id" = v."id"::uuid
    JOIN "Site" s ON s."id" = c."siteId"
    JOIN "Claimant" cl ON cl."id" = c."claimantId"
    LEFT JOIN (
      SELECT r."caseId", array_agg(r."purchaseOrderNumber"::text) AS "numbers"
      FROM "PrapReferral" r JOIN "Case" rc ON rc."id" = r."caseId"
      WHERE rc."organisationId" = ${actor.organisationId}::uuid
      GROUP BY r."caseId"
    ) p ON p."caseId" = c."id"
    LEFT JOIN (
      SELECT t."caseId", array_agg(t."name"::text) AS "names"
      FROM "Contact" t JOIN "Case" tc ON tc."id" = t."caseId"
      WHERE tc."organisationId" = ${actor.organisationId}::uuid AND t."role" IN ('work_coach', 'disability_employment_adviser')
      GROUP BY t."caseId"
    ) k ON k."caseId" = c."id"`;
  const cases = rows.map(
    (row): ReconcileCase => ({
      ...row,
      dateOfBirth: row.dateOfBirth as IsoDate | null,
      referralDate: row.referralDate as IsoDate | null,
      purchaseOrderNumbers: row.purchaseOrderNumbers ?? [],
      handoverNames: row.handoverNames ?? [],
    }),
  );
  // In reference order, as the list of cases with no row reads.
  return cases.sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
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
  const cases = months.length > 0 ? await casesOfMonths(tx, actor, `${months[0]}-01`, monthEnd(months[months.length - 1])) : [];
  const expected = await tx.expectedReferral.findMany({
    where: { organisationId: actor.organisationId, status: "expected" },
    select: { id: true, nino: true, forename: true, surname: true, dateOfBirth: true, calledOn: true, handoverName: true },
  });
  const result = reconcile(
    lines,
    cases,
    expected.map((row) => ({ ...row, dateOfBirth: row.dateOfBirth ? isoDateFromDb(row.dateOfBirth) : null, calledOn: isoDateFromDb(row.calledOn) })),
  );
  // The results (a row per case with no row: tens of MB for 100,000 cases) go as one JSON text
  // parameter, not through the query builder's argument tree.
  const id = randomUUID();
  await tx.$executeRaw`
    INSERT INTO "Reconciliation" ("id", "organisationId", "importId", "fileName", "checksum", "results", "createdById", "createdAt")
    VALUES (${id}::uuid, ${actor.organisationId}::uuid, ${current.id}::uuid, ${current.fileName}, ${current.checksum}, ${JSON.stringify(result)}::jsonb, ${actor.id}::uuid, ${now})`;
  const saved = { id };
  await recordAudit(tx, actor, {
    action: "reconciliation.saved",
    entityType: "Reconciliation",
    entityId: saved.id,
    after: { importId: current.id, noCase: result.noCase.length, caseNoRow: result.caseNoRow.length, differences: result.differences.length, matched: result.matched.length },
  });
  return saved.id;
}
