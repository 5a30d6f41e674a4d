import type { PrismaClient } from "@/lib/db/prisma";
import { can } from "@/lib/domain/permissions";
import { recordRestrictedReads } from "../audit/record-audit";
import type { UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";
import type { PossibleDuplicateRow } from "./get-restricted-queue";

export const SCR_DUPLICATE_READ_ACTION = "case.possible_scr_duplicate_read";

/**
 * One open possible duplicate of an SCR case, for the nominated officer's decision page; both
 * cases' reads are restricted reads (LG-01). For anyone else, or once settled, NOT_FOUND.
 */
export async function getScrDuplicate(prisma: PrismaClient, actor: UseCaseActor, alertId: string): Promise<PossibleDuplicateRow> {
  if (!can(actor.roles, "read:restricted-case:any") || !/^[0-9a-f-]{36}$/i.test(alertId)) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const select = { id: true, reference: true, route: true, restrictionTier: true, claimant: { select: { forename: true, surname: true } } } as const;
  const alert = await prisma.scrDuplicateAlert.findFirst({
    where: { id: alertId, organisationId: actor.organisationId, resolvedAt: null },
    select: { id: true, version: true, createdAt: true, case: { select }, scrCase: { select } },
  });
  if (!alert) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  await recordRestrictedReads(prisma, actor, [alert.case, alert.scrCase], SCR_DUPLICATE_READ_ACTION);
  const name = (row: typeof alert.case) => `${row.claimant.forename} ${row.claimant.surname}`;
  return {
    alertId: alert.id,
    version: alert.version,
    raisedAt: alert.createdAt.toISOString(),
    newCase: { id: alert.case.id, reference: alert.case.reference, claimantName: name(alert.case), route: alert.case.route },
    scrCase: { id: alert.scrCase.id, reference: alert.scrCase.reference, claimantName: name(alert.scrCase) },
  };
}
