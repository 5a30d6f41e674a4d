import type { PrismaClient } from "@/lib/db/prisma";
import type { SignOutUserEverywhereInput } from "@/lib/domain/forms/identity-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";
import { forgetDevices } from "../auth/remembered-devices";

/**
 * An administrator or nominated officer signs a user out everywhere (docs/security.md SE-05): the
 * user's session version moves on, so every cookie they hold is refused at its next request
 * (SE-04). Audited. Repeating it is harmless (it ends whatever sessions exist then).
 */
export async function signOutUserEverywhere(prisma: PrismaClient, actor: UseCaseActor, input: SignOutUserEverywhereInput): Promise<{ userName: string }> {
  assertCan(actor, "end:user-sessions:any");
  return prisma.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: input.userId, organisationId: actor.organisationId }, data: { sessionVersion: { increment: 1 } } });
    if (updated.count === 0) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE, { userId: "Select a user from the list" });
    const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true } });
    // Its remembered devices are revoked too (AU-02): a stolen browser no longer helps unlock the account.
    const devicesForgotten = await forgetDevices(tx, input.userId);
    await recordAudit(tx, actor, { action: "user.signed_out_everywhere", entityType: "User", entityId: input.userId, after: { sessionsEnded: true, devicesForgotten } });
    return { userName: user.name };
  });
}

/** The organisation's users, for the "sign a user out everywhere" picker. */
export async function listUsersToSignOut(prisma: PrismaClient, actor: UseCaseActor): Promise<{ id: string; name: string; email: string }[]> {
  assertCan(actor, "end:user-sessions:any");
  return prisma.user.findMany({ where: { organisationId: actor.organisationId, active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}
