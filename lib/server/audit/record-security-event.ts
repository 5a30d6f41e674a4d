import type { PrismaClient } from "@/lib/db/prisma";
import { recordAudit, type Actor } from "./record-audit";

/** A refused request (wrong role, or a restricted id) is logged as a security event (LG-03). */
export async function recordSecurityEvent(
  prisma: PrismaClient,
  actor: Actor | null,
  event: { action: string; entityType: string; entityId?: string | null; reason?: string },
): Promise<void> {
  await recordAudit(prisma, actor, { ...event, action: `security.${event.action}` });
}
