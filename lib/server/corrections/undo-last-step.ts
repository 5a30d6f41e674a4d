import type { PrismaClient, PrapReferralStatus } from "@/lib/db/prisma";
import { CASE_STATE_LABELS, type CaseState } from "@/lib/domain/case-states";
import type { UndoLastStepInput } from "@/lib/domain/forms/amend-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findCaseForActor } from "../cases/case-access";
import { claimCaseVersion } from "../cases/claim-case-version";
import { recomputeCaseDueDates } from "../cases/recompute-case-due-dates";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { assertCanAmend } from "./assert-can-amend";
import { findLastStep } from "./find-last-step";
import { restoreFromSnapshot } from "./undo-snapshot";

/**
 * An administrator undoes the last step of a case, with a reason (docs/rules/states.md:
 * corrections): the case, its Initial Assessment and UC452 part go back to what the step's audit
 * row kept, the PRaP referral to the status it had, the due dates are recomputed, and one audit
 * row keeps before and after. Only the step the administrator saw, and only while the case is
 * still where that step left it; a second submission finds it already undone (STALE).
 */
export async function undoLastStep(prisma: PrismaClient, actor: UseCaseActor, input: UndoLastStepInput): Promise<{ restoredState: string }> {
  assertCan(actor, "read:case:any");
  return prisma.$transaction(async (tx) => {
    const found = await findCaseForActor(tx, actor, input.caseId);
    // After the visibility rule, so an id this user cannot see answers "not found" whatever their roles (AC-01).
    assertCanAmend(actor);
    if (found.version !== input.version) throw new UseCaseError("STALE", STALE_MESSAGE);
    const last = await findLastStep(tx, found.id);
    if (!last || last.eventId !== input.stepEventId) throw new UseCaseError("STALE", STALE_MESSAGE);
    if (last.to !== found.state) {
      throw new UseCaseError("INVALID", `The case is now “${CASE_STATE_LABELS[found.state as CaseState]}”, not where its last step left it: correct its dates instead`);
    }
    if (!last.undo) {
      throw new UseCaseError("INVALID", "This step was recorded before steps kept what they changed, so it cannot be undone here: correct its dates instead");
    }
    await claimCaseVersion(tx, found.id, input.version);
    await restoreFromSnapshot(tx, found.id, last.undo);
    if (last.prapReferral) {
      await tx.prapReferral.updateMany({
        where: { caseId: found.id, purchaseOrderNumber: last.prapReferral.purchaseOrderNumber, status: last.prapReferral.after as PrapReferralStatus },
        data: { status: last.prapReferral.before as PrapReferralStatus, reason: null, statusChangedAt: new Date(), version: { increment: 1 } },
      });
    }
    await recomputeCaseDueDates(tx, found.id);
    await recordAudit(tx, actor, {
      action: "case.step_undone",
      entityType: "Case",
      entityId: found.id,
      caseId: found.id,
      before: { state: last.to },
      after: { state: last.from, undoneEventId: last.eventId, undoneAction: last.action, ...(last.prapReferral ? { prapReferral: { before: last.prapReferral.after, after: last.prapReferral.before } } : {}) },
      reason: input.reason,
    });
    return { restoredState: last.from };
  });
}
