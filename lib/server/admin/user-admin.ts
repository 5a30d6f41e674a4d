import { hashPassword } from "@/lib/server/auth/password";
import type { PrismaClient } from "@/lib/db/prisma";
import type { CreateUserInput, ResetPasswordInput, UpdateUserInput, UserStatusInput } from "@/lib/domain/forms/admin-forms";
import { recordAudit } from "../audit/record-audit";
import { loginEmailKey } from "../auth/login-throttle";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "../use-case-error";

/**
 * An administrator manages users (docs/rules/roles.md; docs/security.md LG-06: every access change audited with
 * who and when). Scope is always the actor's organisation, never a posted id alone (AC-05).
 */

async function assertSiteInOrganisation(prisma: PrismaClient, actor: UseCaseActor, siteId: string | null) {
  if (!siteId) return;
  const site = await prisma.site.findFirst({ where: { id: siteId, organisationId: actor.organisationId }, select: { id: true } });
  if (!site) throw new UseCaseError("INVALID", "Select a site from the list", { siteId: "Select a site from the list" });
}

export async function createUser(prisma: PrismaClient, actor: UseCaseActor, input: CreateUserInput): Promise<{ userId: string }> {
  assertCan(actor, "manage:user:any");
  await assertSiteInOrganisation(prisma, actor, input.siteId);
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          organisationId: actor.organisationId,
          siteId: input.siteId,
          email: input.email,
          name: input.name,
          roles: input.roles,
          passwordHash,
        },
      });
      await recordAudit(tx, actor, {
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        after: { name: user.name, email: user.email, roles: user.roles, siteId: user.siteId },
      });
      return { userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new UseCaseError("CONFLICT", "A user with this email address already exists", {
        email: "A user with this email address already exists",
      });
    }
    throw error;
  }
}

/** Update with optimistic concurrency: refused, changing nothing, if the version moved on. */
async function updateUserVersioned(
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
) {
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
    await recordAudit(tx, actor, {
      action,
      entityType: "User",
      entityId: userId,
      before: { name: before.name, roles: before.roles, siteId: before.siteId, active: before.active },
      after: JSON.parse(JSON.stringify(after)),
    });
  });
}

export async function updateUser(prisma: PrismaClient, actor: UseCaseActor, input: UpdateUserInput): Promise<void> {
  assertCan(actor, "manage:user:any");
  await assertSiteInOrganisation(prisma, actor, input.siteId);
  if (input.userId === actor.id && !input.roles.includes("administrator")) {
    throw new UseCaseError("INVALID", "You cannot remove your own administrator role", {
      roles: "You cannot remove your own administrator role",
    });
  }
  await updateUserVersioned(prisma, actor, input.userId, input.version, () => ({
    data: { name: input.name, roles: input.roles, siteId: input.siteId },
    action: "user.updated",
    after: { name: input.name, roles: input.roles, siteId: input.siteId },
  }));
}

/** Deactivating a leaver ends every session at once (sessionVersion; docs/security.md AU-07). */
export async function setUserStatus(prisma: PrismaClient, actor: UseCaseActor, input: UserStatusInput): Promise<void> {
  assertCan(actor, "manage:user:any");
  if (input.userId === actor.id && !input.active) {
    throw new UseCaseError("INVALID", "You cannot deactivate your own account");
  }
  await updateUserVersioned(prisma, actor, input.userId, input.version, (before) => ({
    data: { active: input.active, sessionVersion: { increment: input.active ? 0 : 1 } },
    action: input.active ? "user.reactivated" : "user.deactivated",
    after: { active: input.active, sessionsEnded: !input.active && before.active },
  }));
}

/** A reset also signs the user out everywhere (sessionVersion). */
export async function resetUserPassword(prisma: PrismaClient, actor: UseCaseActor, input: ResetPasswordInput): Promise<void> {
  assertCan(actor, "manage:user:any");
  const passwordHash = await hashPassword(input.password);
  await updateUserVersioned(prisma, actor, input.userId, input.version, () => ({
    data: { passwordHash, passwordChangedAt: new Date(), sessionVersion: { increment: 1 }, lockedUntil: null, failedLoginCount: 0 },
    action: "user.password_reset",
    after: { passwordChanged: true, sessionsEnded: true, signInLockLifted: true },
    alsoClearLoginLock: true,
  }));
}

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  roles: string[];
  siteName: string | null;
  siteId: string | null;
  active: boolean;
  lastSignedInAt: Date | null;
  lockedUntil: Date | null;
  version: number;
}

export async function listUsers(prisma: PrismaClient, actor: UseCaseActor): Promise<UserSummary[]> {
  assertCan(actor, "manage:user:any");
  const users = await prisma.user.findMany({
    where: { organisationId: actor.organisationId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true, name: true, email: true, roles: true, siteId: true, active: true,
      lastSignedInAt: true, lockedUntil: true, version: true, site: { select: { name: true } },
    },
  });
  return users.map(({ site, ...user }) => ({ ...user, siteName: site?.name ?? null }));
}

export async function getUser(prisma: PrismaClient, actor: UseCaseActor, userId: string): Promise<UserSummary> {
  assertCan(actor, "manage:user:any");
  const users = await listUsers(prisma, actor);
  const user = users.find((candidate) => candidate.id === userId);
  if (!user) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return user;
}
