import type { Prisma, Uc452Part } from "@/lib/db/prisma";
import { UNDOABLE_CASE_COLUMNS } from "@/lib/domain/corrections/amend";

type Tx = Prisma.TransactionClient;
type Json = Prisma.InputJsonValue | null;

/**
 * What a lifecycle step is about to change, kept in its audit row's `before.undo` so "amend with
 * reason" can undo the step exactly (docs/rules/states.md: corrections): the case columns a step
 * may write, and the Initial Assessment and UC452 part it writes, if any (null: none existed).
 * Dates are kept as ISO strings.
 */
export interface UndoSnapshot {
  columns: Record<string, Json>;
  assessment?: Record<string, Json> | null;
  formPart?: { part: Uc452Part; row: Record<string, Json> | null };
}

const CASE_COLUMNS = Object.fromEntries(UNDOABLE_CASE_COLUMNS.map((column) => [column, true])) as Record<(typeof UNDOABLE_CASE_COLUMNS)[number], true>;
const ASSESSMENT_COLUMNS = { bookedFor: true, venue: true, heldOn: true, outcome: true, strand: true, anticipatedStartOn: true, anticipatedEndOn: true, spocPhonedOn: true, recordedById: true } as const;
const FORM_COLUMNS = { templateVersion: true, fields: true, receivedOn: true, completedAt: true, completedById: true } as const;

const DATE_COLUMNS = new Set([
  "referralDate", "referralReceivedOn", "initialAssessmentOn", "welcomeCallOn", "firstMetOn", "anticipatedStartOn", "anticipatedEndOn", "startedOn", "endedOn",
  "backOutEmailAt", "cancelledAt", "closedAt", "bookedFor", "heldOn", "spocPhonedOn", "receivedOn", "completedAt",
]);

function toJson(row: Record<string, unknown>): Record<string, Json> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : (value as Json)]));
}

function fromJson(row: Record<string, Json>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, DATE_COLUMNS.has(key) && typeof value === "string" ? new Date(value) : value]));
}

export async function snapshotForUndo(tx: Tx, caseId: string, writes: { assessment: boolean; formPart: Uc452Part | null }): Promise<UndoSnapshot> {
  const columns = toJson(await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: CASE_COLUMNS }));
  const snapshot: UndoSnapshot = { columns };
  if (writes.assessment) {
    const assessment = await tx.initialAssessment.findUnique({ where: { caseId }, select: ASSESSMENT_COLUMNS });
    snapshot.assessment = assessment ? toJson(assessment) : null;
  }
  if (writes.formPart) {
    const row = await tx.uc452Form.findUnique({ where: { caseId_part: { caseId, part: writes.formPart } }, select: FORM_COLUMNS });
    snapshot.formPart = { part: writes.formPart, row: row ? toJson(row) : null };
  }
  return snapshot;
}

/** Put back what the snapshot kept (the case's version is claimed by the caller). */
export async function restoreFromSnapshot(tx: Tx, caseId: string, snapshot: UndoSnapshot): Promise<void> {
  await tx.case.update({ where: { id: caseId }, data: fromJson(snapshot.columns) as Prisma.CaseUncheckedUpdateInput });
  if (snapshot.assessment !== undefined) {
    if (snapshot.assessment === null) await tx.initialAssessment.deleteMany({ where: { caseId } });
    else {
      const data = fromJson(snapshot.assessment) as Prisma.InitialAssessmentUncheckedUpdateInput;
      await tx.initialAssessment.update({ where: { caseId }, data });
    }
  }
  if (snapshot.formPart) {
    const { part, row } = snapshot.formPart;
    if (row === null) await tx.uc452Form.deleteMany({ where: { caseId, part } });
    else await tx.uc452Form.update({ where: { caseId_part: { caseId, part } }, data: { ...(fromJson(row) as Prisma.Uc452FormUncheckedUpdateInput), version: { increment: 1 } } });
  }
}
