import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/prisma";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { CLOSED_STATES } from "@/lib/domain/case-states";
import type { EarlierSpell } from "@/lib/domain/sro/earlier-spells";
import type { UseCaseActor } from "../assert-can";
import { caseWhereVisibleTo } from "../cases/case-visibility";

/**
 * Closed earlier SES spells with the same NINO that this actor may see (13.46, 3.24), newest
 * first. Only visible cases: an SCR spell is listed for nominated officers alone, so the answer
 * never reveals that an SCR case exists (docs/security.md AC-02).
 */
export async function findEarlierSpells(
  db: Pick<Prisma.TransactionClient, "case">,
  actor: UseCaseActor,
  nino: string | null,
  exceptCaseId: string | null = null,
): Promise<EarlierSpell[]> {
  if (!nino) return [];
  const rows = await db.case.findMany({
    where: {
      AND: [caseWhereVisibleTo(actor), { claimant: { nino }, state: { in: [...CLOSED_STATES] } }, ...(exceptCaseId ? [{ id: { not: exceptCaseId } }] : [])],
    },
    orderBy: [{ referralDate: "desc" }, { createdAt: "desc" }],
    take: 10,
    select: { reference: true, referralDate: true, startedOn: true, endedOn: true, closedAt: true, state: true },
  });
  return rows.map((row) => ({
    reference: row.reference,
    referralDate: isoDateFromDb(row.referralDate),
    startedOn: isoDateFromDb(row.startedOn),
    endedOn: isoDateFromDb(row.endedOn),
    closedOn: row.closedAt ? todayInLondon(row.closedAt) : null,
    state: row.state,
  }));
}
