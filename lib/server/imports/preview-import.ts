import { todayInLondon } from "@/lib/calendar/iso-date";
import type { Prisma } from "@/lib/db/prisma";
import { referralIntakeSchemaOn } from "@/lib/domain/forms/referral-intake";
import { formatNino, normalisePurchaseOrder } from "@/lib/domain/identifiers";
import type { ColumnMapping } from "@/lib/domain/import/import-columns";
import { parseImportRow, personOf, type RowProblem } from "@/lib/domain/import/prap-import-row";
import type { UseCaseActor } from "../assert-can";
import { onCase, visibleReferences } from "../cases/visible-references";
import { seenBy } from "../referrals/prap-referral-rules";
import { expectedHandoversFor } from "./expected-handovers";

type Tx = Prisma.TransactionClient;

const LOOKUP_CHUNK = 5_000;

export interface RowVerdict {
  rowNumber: number;
  outcome: "ready" | "invalid" | "duplicate";
  problems: RowProblem[] | null;
}

/**
 * The dry run of a PRaP referral file (docs/decisions/0023-bulk-import-and-expected-referrals.md):
 * every row through the intake's zod schema, then the intake's duplicate rules —
 *  - within the file: a purchase order, referral ID or NINO already on an earlier row;
 *  - against recorded referrals: the purchase order or referral ID (named only when the actor may
 *    see the case, as prap-referral-rules.ts refuseDuplicates does);
 *  - a NINO with an earlier SES spell the actor may see (13.39, 3.18): not imported, since the
 *    intake needs a justification for it; record it by hand.
 * A NINO of an SCR case the actor may not see is NOT a duplicate here, exactly as at the intake:
 * the row is created restricted at commit and the nominated officers alerted (docs/security.md AC-02).
 */
export async function previewRows(tx: Tx, actor: UseCaseActor, importId: string, mapping: ColumnMapping, headers: readonly string[], siteId: string, now: Date): Promise<RowVerdict[]> {
  const rows = await tx.referralImportRow.findMany({ where: { importId }, orderBy: { rowNumber: "asc" }, select: { rowNumber: true, cells: true } });
  const cellsOf = (cells: Prisma.JsonValue) => (Array.isArray(cells) ? cells.map((cell) => (typeof cell === "string" ? cell : "")) : []);
  const schema = referralIntakeSchemaOn(todayInLondon(now));
  const today = todayInLondon(now);
  const handovers = await expectedHandoversFor(tx, actor, rows.map((row) => personOf(cellsOf(row.cells), mapping, today)));

  const parsed = rows.map((row) => {
    const cells = cellsOf(row.cells);
    return { rowNumber: row.rowNumber, result: parseImportRow(today, cells, mapping, headers, siteId, handovers.find(personOf(cells, mapping, today)), schema) };
  });

  const valid = parsed.flatMap((row) => (row.result.ok ? [{ rowNumber: row.rowNumber, input: row.result.input }] : []));
  const purchaseOrders = valid.map((row) => row.input.referral.purchaseOrderNumber);
  const referralIds = valid.map((row) => row.input.referral.referralId);
  const ninos = valid.map((row) => row.input.claimant.nino);
  // Looked up in chunks: a 50,000-row file has more values than one statement may carry.
  const recorded: { purchaseOrderNumber: string; referralId: string; caseId: string }[] = [];
  for (let start = 0; start < valid.length; start += LOOKUP_CHUNK) {
    const end = start + LOOKUP_CHUNK;
    recorded.push(
      ...(await tx.prapReferral.findMany({
        where: { OR: [{ purchaseOrderNumber: { in: purchaseOrders.slice(start, end) } }, { referralId: { in: referralIds.slice(start, end) } }] },
        select: { purchaseOrderNumber: true, referralId: true, caseId: true },
      })),
    );
  }
  const recordedCaseIds = [...new Set(recorded.map((row) => row.caseId))];
  const references = new Map<string, string>();
  for (let start = 0; start < recordedCaseIds.length; start += LOOKUP_CHUNK) {
    for (const [caseId, reference] of await visibleReferences(tx, actor, recordedCaseIds.slice(start, start + LOOKUP_CHUNK))) references.set(caseId, reference);
  }
  const byPurchaseOrder = new Map(recorded.map((row) => [row.purchaseOrderNumber, row.caseId]));
  const byReferralId = new Map(recorded.map((row) => [row.referralId, row.caseId]));
  const earlierSpells: { reference: string; claimant: { nino: string | null } }[] = [];
  for (let start = 0; start < ninos.length; start += LOOKUP_CHUNK) {
    earlierSpells.push(
      ...(await tx.case.findMany({
        where: { AND: [seenBy(actor), { claimant: { nino: { in: ninos.slice(start, start + LOOKUP_CHUNK) } } }] },
        select: { reference: true, claimant: { select: { nino: true } } },
      })),
    );
  }
  const spellByNino = new Map(earlierSpells.map((row) => [row.claimant.nino ?? "", row.reference]));

  const firstRow = { purchaseOrder: new Map<string, number>(), referralId: new Map<string, number>(), nino: new Map<string, number>() };
  const verdicts: RowVerdict[] = [];
  for (const row of parsed) {
    if (!row.result.ok) {
      verdicts.push({ rowNumber: row.rowNumber, outcome: "invalid", problems: row.result.problems });
      continue;
    }
    const { referral, claimant } = row.result.input;
    const problems: RowProblem[] = [];
    const po = normalisePurchaseOrder(referral.purchaseOrderNumber);
    const inFile = (kind: keyof typeof firstRow, key: string, column: string, what: string) => {
      const earlier = firstRow[kind].get(key);
      if (earlier !== undefined) problems.push({ column, message: `${what} is also on row ${earlier} of this file` });
      else firstRow[kind].set(key, row.rowNumber);
    };
    inFile("purchaseOrder", po, "Purchase order number", `Purchase order ${po}`);
    inFile("referralId", referral.referralId, "Referral ID", `Referral ID ${referral.referralId}`);
    inFile("nino", claimant.nino, "National Insurance number", `National Insurance number ${formatNino(claimant.nino)}`);
    const poCase = byPurchaseOrder.get(po);
    if (poCase) problems.push({ column: "Purchase order number", message: `Purchase order ${po} is already recorded${onCase(references.get(poCase))}` });
    const idCase = byReferralId.get(referral.referralId);
    if (idCase) problems.push({ column: "Referral ID", message: `Referral ID ${referral.referralId} is already recorded${onCase(references.get(idCase))}` });
    const spell = spellByNino.get(claimant.nino);
    if (spell && !poCase && !idCase) {
      problems.push({
        column: "National Insurance number",
        message: `National Insurance number ${formatNino(claimant.nino)} is already recorded${onCase(spell)}. There are no re-referrals (13.39, 3.18): record it by hand with a justification if it should be recorded`,
      });
    }
    verdicts.push({ rowNumber: row.rowNumber, outcome: problems.length > 0 ? "duplicate" : "ready", problems: problems.length > 0 ? problems : null });
  }
  return verdicts;
}

/** Write every row's verdict in one statement (a 50,000-row file is one round trip, not 50,000). */
export async function storeVerdicts(tx: Tx, importId: string, verdicts: readonly { rowNumber: number; outcome: string; problems: RowProblem[] | null; caseId?: string | null }[]): Promise<void> {
  const CHUNK = 10_000;
  for (let start = 0; start < verdicts.length; start += CHUNK) {
    const json = JSON.stringify(verdicts.slice(start, start + CHUNK).map((verdict) => ({ ...verdict, caseId: verdict.caseId ?? null })));
    await tx.$executeRaw`
      UPDATE "ReferralImportRow" AS r
      SET "outcome" = v."outcome", "problems" = v."problems", "caseId" = v."caseId"
      FROM jsonb_to_recordset(${json}::jsonb) AS v("rowNumber" int, "outcome" text, "problems" jsonb, "caseId" uuid)
      WHERE r."importId" = ${importId}::uuid AND r."rowNumber" = v."rowNumber"`;
  }
}
