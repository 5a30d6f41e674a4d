import type { Prisma } from "@/lib/db/prisma";
import type { UseCaseActor } from "../assert-can";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { findVisibleCase } from "./find-visible-case";

/** The columns a write use-case usually needs of the case it changes. */
export const CASE_FOR_CHANGE_SELECT = {
  id: true,
  version: true,
  state: true,
  restrictionTier: true,
  organisationId: true,
  siteId: true,
  assignedCaseworkerId: true,
} as const satisfies Prisma.CaseSelect;

/**
 * Inside a use-case's transaction: the case, if this actor may see it — otherwise "not found",
 * exactly as for an id that never existed (findVisibleCase; AC-01, AC-05). Nothing is logged: a
 * security event written here would roll back with the refused change.
 */
export async function findCaseForActor(tx: Prisma.TransactionClient, actor: UseCaseActor, caseId: string) {
  return findVisibleCase(tx, actor, caseId, { select: CASE_FOR_CHANGE_SELECT, logRefusal: false });
}

/**
 * Optimistic concurrency: move the case to the next version only if it is still at the version
 * the user's form was rendered with; otherwise nothing is written (STALE).
 */
export async function claimCaseVersion(
  tx: Prisma.TransactionClient,
  caseId: string,
  expectedVersion: number,
  data: Prisma.CaseUncheckedUpdateManyInput = {},
): Promise<void> {
  const updated = await tx.case.updateMany({ where: { id: caseId, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
}
