import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { recordAudit } from "../audit/record-audit";
import { loginEmailKey } from "../auth/login-throttle";
import type { UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { referenceDataChanged } from "../reference/reference-cache";

/**
 * The steps every change to a user shares: the user must be in the actor's organisation (AC-05);
 * the update claims the version the form was rendered with (optimistic concurrency: refused,
 * changing nothing, if it moved on); the audit row is written in the same transaction (LG-02, LG-06).
 */
export async function changeUser(
  prisma: PrismaClient,
  actor: UseCaseActor,
  userId: string,
  version: number,
  change: (before: { name: string; email: string; roles: string[]; siteId: string | null; active: boolean; sessionVersion: number }) => {
    data: Parameters<PrismaClient["user"]["updateMany"]>[0]["data"];
    action: string;
    after: Record<string, unknown>;
    /** A password reset also lifts a sign-in lock (the lock message tells users to ask for one). */
    alsoClearLoginLock?: boolean;
  },
  /** More writes that belong to the same change, in its transaction (a reset link). */
  alsoWrite?: (tx: Prisma.TransactionClient) => Promise<void>,
) {
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.user.findFirst({
        where: { id: userId, organisationId: actor.organisationId },
        select: { name: true, email: true, roles: true, siteId: true, active: true, sessionVersion: true, version: true },
      });
      if (!before) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
      const { data, action, after, alsoClearLoginLock } = change(before);
      const updated = await tx.user.updateMany({
        where: { id: userId, organisationId: actor.organisationId, version },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
      if (alsoClearLoginLock) await tx.rateLimit.deleteMany({ where: { key: loginEmailKey(before.email) } });
      if (alsoWrite) await alsoWrite(tx);
      await recordAudit(tx, actor, {
        action,
        entityType: "User",
        entityId: userId,
        before: { name: before.name, roles: before.roles, siteId: before.siteId, active: before.active },
        after: JSON.parse(JSON.stringify(after)),
      });
    });
  } finally {
    // This process's pages read the change on their next request (lib/server/reference/load-staff-and-sites.ts).
    referenceDataChanged();
  }
}
