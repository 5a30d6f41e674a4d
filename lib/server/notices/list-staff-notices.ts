import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";

export interface StaffNoticeView {
  id: string;
  message: string;
  at: string;
}

/**
 * The notices a manager may see (docs/rules/restricted-cases.md "SCR lifecycle"): those about
 * caseworkers at the manager's own site, or every site's when the manager has none. Shared by the
 * list, the count and marking a notice read, so a manager can only mark what they can see.
 */
export async function staffNoticeScope(prisma: Pick<PrismaClient, "user">, actor: UseCaseActor): Promise<Prisma.StaffNoticeWhereInput> {
  const manager = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { siteId: true } });
  return {
    organisationId: actor.organisationId,
    ...(manager.siteId ? { OR: [{ siteId: manager.siteId }, { siteId: null }] } : {}),
  };
}

/**
 * A manager's unread notices, newest first (at most 50). A notice names no case, so reading it is
 * not a restricted read.
 */
export async function listStaffNotices(prisma: PrismaClient, actor: UseCaseActor): Promise<StaffNoticeView[]> {
  assertCan(actor, "read:dashboard:any");
  const scope = await staffNoticeScope(prisma, actor);
  const notices = await prisma.staffNotice.findMany({
    where: { ...scope, readAt: null },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, message: true, createdAt: true },
  });
  return notices.map((notice) => ({ id: notice.id, message: notice.message, at: notice.createdAt.toISOString() }));
}

/** How many unread notices the manager has (the list shows at most 50 of them). */
export async function countUnreadStaffNotices(prisma: PrismaClient, actor: UseCaseActor): Promise<number> {
  assertCan(actor, "read:dashboard:any");
  const scope = await staffNoticeScope(prisma, actor);
  return prisma.staffNotice.count({ where: { ...scope, readAt: null } });
}
