import type { Prisma } from "@/lib/db/prisma";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";

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
