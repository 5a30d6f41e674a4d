import type { PrismaClient } from "@/lib/db/prisma";
import type { UserStatusInput } from "@/lib/domain/forms/admin-forms";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";
import { changeUser } from "./change-user";

/** Deactivating a leaver ends every session at once (sessionVersion; security.md AU-07). */
export async function setUserStatus(prisma: PrismaClient, actor: UseCaseActor, input: UserStatusInput): Promise<void> {
  assertCan(actor, "manage:user:any");
  if (input.userId === actor.id && !input.active) {
    throw new UseCaseError("INVALID", "You cannot deactivate your own account");
  }
  await changeUser(prisma, actor, input.userId, input.version, (before) => ({
    data: { active: input.active, sessionVersion: { increment: input.active ? 0 : 1 } },
    action: input.active ? "user.reactivated" : "user.deactivated",
    after: { active: input.active, sessionsEnded: !input.active && before.active },
  }));
}
