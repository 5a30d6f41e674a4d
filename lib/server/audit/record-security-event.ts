import type { Prisma } from "@/lib/db/prisma";
import { recordAudit, type Actor } from "./record-audit";

/** A refused request (wrong role, or a restricted id) is logged as a security event (LG-03). */
export async function recordSecurityEvent(
  db: Pick<Prisma.TransactionClient, "auditEvent">,
  actor: Actor | null,
  event: { action: string; entityType: string; entityId?: string | null; reason?: string },
): Promise<void> {
  await recordAudit(db, actor, { ...event, action: `security.${event.action}` });
}
