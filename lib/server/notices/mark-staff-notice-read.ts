import type { PrismaClient } from "@/lib/db/prisma";
import type { MarkStaffNoticeReadInput } from "@/lib/domain/forms/notice-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";
import { staffNoticeScope } from "./list-staff-notices";

export const STAFF_NOTICE_READ_ACTION = "staff_notice.read";

/**
 * A manager marks a notice about one of their caseworkers as read (docs/rules/restricted-cases.md
 * "SCR lifecycle"), so the dashboard shows only what is still unread. Only a notice the manager
 * can see (their organisation, their site or no site) can be marked; any other id is NOT_FOUND.
 * Idempotent: marking a notice already read changes nothing and writes no second audit row.
 */
export async function markStaffNoticeRead(prisma: PrismaClient, actor: UseCaseActor, input: MarkStaffNoticeReadInput, now: Date): Promise<{ changed: boolean }> {
  assertCan(actor, "read:dashboard:any");
  return prisma.$transaction(async (tx) => {
    const scope = await staffNoticeScope(tx, actor);
    const notice = await tx.staffNotice.findFirst({ where: { AND: [scope, { id: input.noticeId }] }, select: { id: true, readAt: true } });
    if (!notice) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
    const claimed = await tx.staffNotice.updateMany({ where: { id: notice.id, readAt: null }, data: { readAt: now, readById: actor.id } });
    if (claimed.count === 0) return { changed: false };
    await recordAudit(tx, actor, {
      action: STAFF_NOTICE_READ_ACTION,
      entityType: "StaffNotice",
      entityId: notice.id,
      before: { readAt: null },
      after: { readAt: now.toISOString(), readById: actor.id },
    });
    return { changed: true };
  });
}
