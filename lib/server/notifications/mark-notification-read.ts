import type { PrismaClient } from "@/lib/db/prisma";
import type { MarkNotificationReadInput } from "@/lib/domain/forms/notification-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";

export const NOTIFICATION_READ_ACTION = "notification.read";

/**
 * A person marks one of their own reminder digests as read. Anyone else's id is NOT_FOUND.
 * Idempotent: marking it again changes nothing and writes no second audit row.
 */
export async function markNotificationRead(prisma: PrismaClient, actor: UseCaseActor, input: MarkNotificationReadInput, now: Date): Promise<{ changed: boolean }> {
  assertCan(actor, "read:case:any");
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.reminderDigest.updateMany({ where: { id: input.notificationId, userId: actor.id, readAt: null }, data: { readAt: now } });
    if (claimed.count === 0) {
      const own = await tx.reminderDigest.count({ where: { id: input.notificationId, userId: actor.id } });
      if (own === 0) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
      return { changed: false };
    }
    await recordAudit(tx, actor, {
      action: NOTIFICATION_READ_ACTION,
      entityType: "ReminderDigest",
      entityId: input.notificationId,
      before: { readAt: null },
      after: { readAt: now.toISOString() },
    });
    return { changed: true };
  });
}
