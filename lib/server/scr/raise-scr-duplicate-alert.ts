import type { Prisma } from "@/lib/db/prisma";
import { recordAudit } from "../audit/record-audit";
import type { UseCaseActor } from "../assert-can";

export const SCR_DUPLICATE_ALERT_RAISED_ACTION = "case.possible_scr_duplicate";

/**
 * Inside the intake's transaction: the new case (already opened restricted) becomes an item in
 * the nominated officers' queue, "possible duplicate of an SCR case", with both cases linked
 * (docs/rules/restricted-cases.md: possible duplicates of an SCR case). The audit row sits on the
 * new, restricted case, whose timeline and access log only nominated officers read, so no row a
 * caseworker can read names the SCR case (docs/security.md AC-02).
 */
export async function raiseScrDuplicateAlert(tx: Prisma.TransactionClient, actor: UseCaseActor, caseId: string, scrCaseId: string): Promise<void> {
  const alert = await tx.scrDuplicateAlert.create({ data: { organisationId: actor.organisationId, caseId, scrCaseId }, select: { id: true } });
  await recordAudit(tx, actor, {
    action: SCR_DUPLICATE_ALERT_RAISED_ACTION,
    entityType: "ScrDuplicateAlert",
    entityId: alert.id,
    caseId,
    after: { scrCaseId },
  });
}
