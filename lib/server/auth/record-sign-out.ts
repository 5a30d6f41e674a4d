import type { PrismaClient } from "@/lib/db/prisma";
import { recordAudit, type Actor } from "../audit/record-audit";

/**
 * Signing out ends this user's sessions everywhere: a JWT cannot be revoked, so the session
 * version it carries is retired (docs/security.md SE-04: a replayed cookie is refused).
 */
export async function recordSignOut(prisma: PrismaClient, actor: Actor & { id: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "auth.signed_out", entityType: "User", entityId: actor.id });
  });
}
