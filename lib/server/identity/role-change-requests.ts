import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { DecideRoleChangeInput } from "@/lib/domain/forms/identity-forms";
import { isRole, ROLE_LABELS, type Role } from "@/lib/domain/permissions";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { referenceDataChanged } from "../reference/reference-cache";

/**
 * Segregation of duties (docs/security.md AC-06; the review's finding M1): the nominated officer
 * role opens SCR cases, so granting or removing it takes two administrators — one asks, another
 * approves or refuses with a reason. Nobody decides a change they asked for or one to their own
 * roles. Requests and decisions are `user.` audit rows, which the security report (/security)
 * shows to the nominated officers.
 */
export const SEGREGATED_ROLE: Role = "nominated_officer";

export async function requestRoleChange(tx: Prisma.TransactionClient, actor: UseCaseActor, change: { userId: string; grant: boolean }, now: Date = new Date()): Promise<void> {
  const pending = await tx.roleChangeRequest.findFirst({ where: { userId: change.userId, role: SEGREGATED_ROLE, status: "pending" } });
  if (pending) {
    const message = "A change to this user's nominated officer role is already waiting for another administrator's approval";
    throw new UseCaseError("INVALID", message, { roles: message });
  }
  await tx.roleChangeRequest.create({
    data: { organisationId: actor.organisationId, userId: change.userId, role: SEGREGATED_ROLE, grant: change.grant, requestedById: actor.id, requestedAt: now },
  });
  await recordAudit(tx, actor, {
    action: "user.role_change_requested",
    entityType: "User",
    entityId: change.userId,
    after: { role: SEGREGATED_ROLE, change: change.grant ? "grant" : "remove", awaitingApproval: true },
  });
}

export interface PendingRoleChange {
  id: string;
  version: number;
  userId: string;
  userName: string;
  grant: boolean;
  roleLabel: string;
  requestedByName: string;
  requestedByActor: boolean;
  requestedAt: Date;
}

/** The requests waiting for a decision, in the organisation, or for one user. */
export async function listPendingRoleChanges(prisma: PrismaClient, actor: UseCaseActor, userId?: string): Promise<PendingRoleChange[]> {
  assertCan(actor, "manage:user:any");
  const requests = await prisma.roleChangeRequest.findMany({
    where: { organisationId: actor.organisationId, status: "pending", ...(userId ? { userId } : {}) },
    orderBy: { requestedAt: "asc" },
  });
  const people = await prisma.user.findMany({
    where: { organisationId: actor.organisationId, id: { in: requests.flatMap((request) => [request.userId, request.requestedById]) } },
    select: { id: true, name: true },
  });
  const nameOf = (id: string) => people.find((person) => person.id === id)?.name ?? "A former user";
  return requests.map((request) => ({
    id: request.id,
    version: request.version,
    userId: request.userId,
    userName: nameOf(request.userId),
    grant: request.grant,
    roleLabel: isRole(request.role) ? ROLE_LABELS[request.role] : request.role,
    requestedByName: nameOf(request.requestedById),
    requestedByActor: request.requestedById === actor.id,
    requestedAt: request.requestedAt,
  }));
}

/** A second administrator approves (the role changes at once) or refuses, with a reason. */
export async function decideRoleChange(prisma: PrismaClient, actor: UseCaseActor, input: DecideRoleChangeInput, now: Date = new Date()): Promise<{ userId: string }> {
  assertCan(actor, "manage:user:any");
  try {
    return await prisma.$transaction(async (tx) => {
      const request = await tx.roleChangeRequest.findFirst({ where: { id: input.requestId, organisationId: actor.organisationId } });
      if (!request) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
      if (request.status !== "pending" || request.version !== input.version) throw new UseCaseError("STALE", STALE_MESSAGE);
      if (request.requestedById === actor.id) {
        throw new UseCaseError("INVALID", "Another administrator must approve or refuse a change you asked for");
      }
      if (request.userId === actor.id) throw new UseCaseError("INVALID", "You cannot approve or refuse a change to your own roles");
      const user = await tx.user.findFirst({ where: { id: request.userId, organisationId: actor.organisationId }, select: { roles: true } });
      if (!user) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
      const before = user.roles.filter(isRole);
      const after = input.decision === "approve" ? (request.grant ? [...new Set([...before, request.role])] : before.filter((role) => role !== request.role)) : before;
      if (after.length === 0) throw new UseCaseError("INVALID", "The user would have no role left. Give them another role first, then approve");
      const claimed = await tx.roleChangeRequest.updateMany({
        where: { id: request.id, status: "pending", version: input.version },
        data: { status: input.decision === "approve" ? "approved" : "refused", decidedById: actor.id, decidedAt: now, decisionReason: input.reason, version: { increment: 1 } },
      });
      if (claimed.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
      if (input.decision === "approve") {
        await tx.user.update({ where: { id: request.userId }, data: { roles: after, version: { increment: 1 } } });
      }
      await recordAudit(tx, actor, {
        action: input.decision === "approve" ? "user.role_change_approved" : "user.role_change_refused",
        entityType: "User",
        entityId: request.userId,
        before: { roles: before },
        after: { roles: after, role: request.role, change: request.grant ? "grant" : "remove", requestedById: request.requestedById },
        reason: input.reason,
      });
      return { userId: request.userId };
    });
  } finally {
    // This process's pages read the change on their next request (lib/server/reference/load-staff-and-sites.ts).
    referenceDataChanged();
  }
}
