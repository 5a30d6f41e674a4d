import type { Prisma } from "@/lib/db/prisma";
import type { UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { caseWhereVisibleTo } from "./case-visibility";

/**
 * Inside a use-case's transaction: the case, if this actor may see it — otherwise "not found",
 * exactly as for an id that never existed (AC-01, AC-05: the posted id is checked against the
 * session's scope, never trusted).
 */
export async function findCaseForActor(tx: Prisma.TransactionClient, actor: UseCaseActor, caseId: string) {
  const found = await tx.case.findFirst({
    where: { AND: [{ id: caseId }, caseWhereVisibleTo(actor)] },
    select: { id: true, version: true, state: true, restrictionTier: true, organisationId: true, siteId: true, assignedCaseworkerId: true },
  });
  if (!found) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return found;
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
