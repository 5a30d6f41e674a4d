import type { PrismaClient } from "@/lib/db/prisma";
import { isClosedState } from "@/lib/domain/case-states";
import type { ResolveScrDuplicateInput } from "@/lib/domain/forms/scr-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findVisibleCase } from "../cases/find-visible-case";
import { recomputeCaseDueDates } from "../cases/recompute-case-due-dates";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "../use-case-error";

export const SCR_DUPLICATE_RESOLVED_ACTION = "case.possible_scr_duplicate_resolved";

/**
 * A nominated officer settles a possible duplicate of an SCR case, with a reason
 * (docs/rules/restricted-cases.md: possible duplicates of an SCR case):
 *  - merged: the new case's PRaP referrals move to the SCR case, so the person has one record,
 *    and the new case closes (cancelled, with the reason);
 *  - kept: the new case stays, restricted to SCR, as a case of its own;
 *  - closed: the new case closes (cancelled, with the reason).
 * One transaction; the alert's version makes a second submission STALE, changing nothing.
 */
export async function resolveScrDuplicate(prisma: PrismaClient, actor: UseCaseActor, input: ResolveScrDuplicateInput, now: Date): Promise<{ caseId: string }> {
  assertCan(actor, "update:restricted-case:any");
  return prisma.$transaction(async (tx) => {
    const alert = await tx.scrDuplicateAlert.findFirst({ where: { id: input.alertId, organisationId: actor.organisationId } });
    if (!alert) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
    if (alert.resolvedAt || alert.version !== input.version) throw new UseCaseError("STALE", STALE_MESSAGE);
    const duplicate = await findVisibleCase(tx, actor, alert.caseId, { select: { state: true, version: true }, logRefusal: false });
    const scrCase = await findVisibleCase(tx, actor, alert.scrCaseId, { select: { id: true }, logRefusal: false });
    const claimed = await tx.scrDuplicateAlert.updateMany({
      where: { id: alert.id, version: input.version, resolvedAt: null },
      data: { resolution: input.resolution, reason: input.reason, resolvedById: actor.id, resolvedAt: now, version: { increment: 1 } },
    });
    if (claimed.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
    let moved = 0;
    if (input.resolution === "merged") {
      moved = (await tx.prapReferral.updateMany({ where: { caseId: duplicate.id }, data: { caseId: scrCase.id } })).count;
      await recomputeCaseDueDates(tx, scrCase.id);
    }
    const close = input.resolution !== "kept" && !isClosedState(duplicate.state);
    if (close) {
      await tx.case.update({
        where: { id: duplicate.id },
        data: { state: "cancelled", closedAt: now, closureNote: input.reason, assignedCaseworkerId: null, version: { increment: 1 } },
      });
      await recomputeCaseDueDates(tx, duplicate.id);
    }
    for (const caseId of [duplicate.id, scrCase.id]) {
      await recordAudit(tx, actor, {
        action: SCR_DUPLICATE_RESOLVED_ACTION,
        entityType: "ScrDuplicateAlert",
        entityId: alert.id,
        caseId,
        before: { state: duplicate.state },
        after: { resolution: input.resolution, duplicateCaseId: duplicate.id, scrCaseId: scrCase.id, prapReferralsMoved: moved, closed: close },
        reason: input.reason,
      });
    }
    return { caseId: input.resolution === "merged" ? scrCase.id : duplicate.id };
  });
}
