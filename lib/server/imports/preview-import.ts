import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
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
 * Rows previewed at a time: the look-ups and verdicts of one chunk are all that is held. 1,000, as the
 * upload writes them (start-import.ts ROW_CHUNK; docs/decisions/0037-clocks-for-lists-and-import-chunks.md).
 */
const PREVIEW_CHUNK = 1_000;

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
 *
 * The rows are read, checked and their verdicts written in chunks of PREVIEW_CHUNK, in row order
 * (the within-file duplicates carry over from chunk to chunk), so a 50,000-row file is never held
 * whole with its parsed posts and verdicts.
 */
export async function previewImport(tx: Tx, actor: UseCaseActor, importId: string, mapping: ColumnMapping, headers: readonly string[], siteId: string, now: Date): Promise<void> {
  const today = todayInLondon(now);
  const schema = referralIntakeSchemaOn(today);
  const firstRow: FirstRows = { purchaseOrder: new Map(), referralId: new Map(), nino: new Map() };
  let after = 0;
  for (;;) {
    // The cells as their JSON text, parsed row by row as each is checked: a chunk holds one short
    // string per row, not an array of strings per row, until its last row is checked.
    const rows = await tx.$queryRaw<StoredRow[]>`
      SELECT "rowNumber", "cells"::text AS "cells" FROM "ReferralImportRow"
      WHERE "importId" = ${importId}::uuid AND "rowNumber" > ${after}
      ORDER BY "rowNumber" LIMIT ${PREVIEW_CHUNK}`;
    if (rows.length === 0) return;
    after = rows[rows.length - 1].rowNumber;
    const verdicts = await previewChunk(tx, actor, rows, { mapping, headers, siteId, today, schema }, firstRow);
    await storeVerdicts(tx, importId, verdicts);
    if (rows.length < PREVIEW_CHUNK) return;
  }
}

type Checked = { rowNumber: number; ok: false; problems: RowProblem[] } | { rowNumber: number; ok: true; purchaseOrderNumber: string; referralId: string; nino: string };

type FirstRows = Record<"purchaseOrder" | "referralId" | "nino", Map<string, number>>;

interface StoredRow {
  rowNumber: number;
  /** The row's cells as stored (a JSON array of strings), as text. */
  cells: string;
}

const cellsOf = (json: string): string[] => {
  const cells = JSON.parse(json) as unknown;
  return Array.isArray(cells) ? cells.map((cell) => (typeof cell === "string" ? cell : "")) : [];
};

async function previewChunk(
  tx: Tx,
  actor: UseCaseActor,
  rows: readonly StoredRow[],
  file: { mapping: ColumnMapping; headers: readonly string[]; siteId: string; today: IsoDate; schema: ReturnType<typeof referralIntakeSchemaOn> },
  firstRow: FirstRows,
): Promise<RowVerdict[]> {
  const { mapping, headers, siteId, today, schema } = file;
  // Who each row is about, for the Warm Handover calls recorded ahead (3.05); the cells are parsed
  // again below rather than kept, so each row's cells die as soon as they are read.
  const people = rows.map((row) => personOf(cellsOf(row.cells), mapping, today));
  const handovers = await expectedHandoversFor(tx, actor, people);
  // Each row is checked and reduced at once to what the duplicate rules need: across the look-ups
  // below a chunk holds these few fields, not each row's parsed intake post.
  const checked = rows.map((row, index): Checked => {
    const result = parseImportRow(today, cellsOf(row.cells), mapping, headers, siteId, handovers.find(people[index]), schema);
    if (!result.ok) return { rowNumber: row.rowNumber, ok: false, problems: result.problems };
    const { referral, claimant } = result.input;
    return { rowNumber: row.rowNumber, ok: true, purchaseOrderNumber: referral.purchaseOrderNumber, referralId: referral.referralId, nino: claimant.nino };
  });
  people.length = 0;

  const valid = checked.flatMap((row) => (row.ok ? [row] : []));
  const purchaseOrders = valid.map((row) => row.purchaseOrderNumber);
  const referralIds = valid.map((row) => row.referralId);
  const ninos = valid.map((row) => row.nino);
  // Looked up in chunks: a chunk may carry more values than one statement should.
  const recorded: { purchaseOrderNumber: string; referralId: string; caseId: string }[] = [];
  for (let start = 0; start < valid.length; start += LOOKUP_CHUNK) {
    recorded.push(
      ...(await tx.prapReferral.findMany({
        where: { OR: [{ purchaseOrderNumber: { in: purchaseOrders.slice(start, start + LOOKUP_CHUNK) } }, { referralId: { in: referralIds.slice(start, start + LOOKUP_CHUNK) } }] },
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
  const spellByNino = new Map<string, string>();
  for (let start = 0; start < ninos.length; start += LOOKUP_CHUNK) {
    const spells = await tx.case.findMany({
      where: { AND: [seenBy(actor), { claimant: { nino: { in: ninos.slice(start, start + LOOKUP_CHUNK) } } }] },
      select: { reference: true, claimant: { select: { nino: true } } },
    });
    for (const row of spells) spellByNino.set(row.claimant.nino ?? "", row.reference);
  }

  const verdicts: RowVerdict[] = [];
  for (const row of checked) {
    if (!row.ok) {
      verdicts.push({ rowNumber: row.rowNumber, outcome: "invalid", problems: row.problems });
      continue;
    }
    const problems: RowProblem[] = [];
    const po = normalisePurchaseOrder(row.purchaseOrderNumber);
    const inFile = (kind: keyof FirstRows, key: string, column: string, what: string) => {
      const earlier = firstRow[kind].get(key);
      if (earlier !== undefined) problems.push({ column, message: `${what} is also on row ${earlier} of this file` });
      else firstRow[kind].set(key, row.rowNumber);
    };
    inFile("purchaseOrder", po, "Purchase order number", `Purchase order ${po}`);
    inFile("referralId", row.referralId, "Referral ID", `Referral ID ${row.referralId}`);
    inFile("nino", row.nino, "National Insurance number", `National Insurance number ${formatNino(row.nino)}`);
    const poCase = byPurchaseOrder.get(po);
    if (poCase) problems.push({ column: "Purchase order number", message: `Purchase order ${po} is already recorded${onCase(references.get(poCase))}` });
    const idCase = byReferralId.get(row.referralId);
    if (idCase) problems.push({ column: "Referral ID", message: `Referral ID ${row.referralId} is already recorded${onCase(references.get(idCase))}` });
    const spell = spellByNino.get(row.nino);
    if (spell && !poCase && !idCase) {
      problems.push({
        column: "National Insurance number",
        message: `National Insurance number ${formatNino(row.nino)} is already recorded${onCase(spell)}. There are no re-referrals (13.39, 3.18): record it by hand with a justification if it should be recorded`,
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
