import type { Prisma } from "@/lib/db/prisma";
import type { UseCaseActor } from "../assert-can";
import { caseWhereVisibleTo } from "./case-visibility";

/**
 * The references of these cases that the actor may see (the one visibility rule), by id: a
 * refusal may name the case that holds a duplicate only when the actor could open it (AC-01).
 */
export async function visibleReferences(tx: Pick<Prisma.TransactionClient, "case">, actor: UseCaseActor, caseIds: string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await tx.case.findMany({
    where: { AND: [{ id: { in: caseIds } }, caseWhereVisibleTo(actor)] },
    select: { id: true, reference: true },
  });
  return new Map(rows.map((row) => [row.id, row.reference]));
}

/** " on case SES-000123" when the actor may see the case, otherwise nothing. */
export const onCase = (reference: string | undefined) => (reference ? ` on case ${reference}` : "");
