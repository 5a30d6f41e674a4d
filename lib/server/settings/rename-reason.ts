import type { PrismaClient } from "@/lib/db/prisma";
import type { RenameReasonInput } from "@/lib/domain/forms/settings-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "../use-case-error";

/**
 * New wording for a reason. Its code and PRaP label stay (docs/rules/reasons-and-settings.md), so
 * cases closed with it keep their meaning; the wording shown must still be the stored one.
 */
export async function renameReason(prisma: PrismaClient, actor: UseCaseActor, input: RenameReasonInput): Promise<void> {
  assertCan(actor, "manage:settings:any");
  await prisma.$transaction(async (tx) => {
    const before = await tx.reason.findUnique({ where: { id: input.reasonId }, select: { label: true, kind: true, code: true, prapLabel: true } });
    if (!before) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
    if (before.label === input.label) return;
    const updated = await tx.reason.updateMany({ where: { id: input.reasonId, label: input.shown }, data: { label: input.label } });
    if (updated.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
    await recordAudit(tx, actor, { action: "reason.renamed", entityType: "Reason", entityId: input.reasonId, before, after: { ...before, label: input.label } });
  });
}
