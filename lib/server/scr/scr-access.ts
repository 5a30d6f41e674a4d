import { can } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/db/prisma";
import type { UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";
import { caseWhereVisibleTo } from "../cases/case-visibility";

/**
 * The SCR case behind an SL2 use-case, or "not found". An SCR case exists only for nominated
 * officers (13.77, 3.43; docs/security.md AC-01): anyone else — a caseworker, a manager — gets exactly
 * the answer an id that never existed gets, NOT_FOUND, never FORBIDDEN (which would confirm the
 * id). A nominated officer asking about a case that is not an SCR case gets NOT_FOUND too: it
 * has no SL2.
 */
export async function findScrCaseForOfficer(db: Pick<Prisma.TransactionClient, "case">, actor: UseCaseActor, caseId: string) {
  if (!can(actor.roles, "read:restricted-case:any") || !/^[0-9a-f-]{36}$/i.test(caseId)) {
    throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  }
  const found = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseWhereVisibleTo(actor), { restrictionTier: "scr" }] },
    select: { id: true, version: true, state: true, restrictionTier: true, ruleset: true, reference: true, referralDate: true },
  });
  if (!found) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return found;
}
