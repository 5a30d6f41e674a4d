import type { PrismaClient } from "@/lib/db/prisma";
import type { SetReasonActiveInput } from "@/lib/domain/forms/settings-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";

/** Retire a reason (no longer offered; cases closed with it keep it) or bring it back. Idempotent. */
export async function setReasonActive(prisma: PrismaClient, actor: UseCaseActor, input: SetReasonActiveInput): Promise<void> {
  assertCan(actor, "manage:settings:any");
  await prisma.$transaction(async (tx) => {
    const before = await tx.reason.findUnique({ where: { id: input.reasonId }, select: { active: true, kind: true, code: true, label: true } });
    if (!before) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
    if (before.active === input.active) return;
    await tx.reason.update({ where: { id: input.reasonId }, data: { active: input.active } });
    await recordAudit(tx, actor, { action: input.active ? "reason.reinstated" : "reason.retired", entityType: "Reason", entityId: input.reasonId, before, after: { ...before, active: input.active } });
  });
}
