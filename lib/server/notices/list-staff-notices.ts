import type { PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";

export interface StaffNoticeView {
  id: string;
  message: string;
  at: string;
}

/**
 * A manager's unread notices (docs/rules/restricted-cases.md "SCR lifecycle"): those about
 * caseworkers at the manager's own site, or every site's when the manager has none. A notice names
 * no case, so reading it is not a restricted read.
 */
export async function listStaffNotices(prisma: PrismaClient, actor: UseCaseActor): Promise<StaffNoticeView[]> {
  assertCan(actor, "read:dashboard:any");
  const manager = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { siteId: true } });
  const notices = await prisma.staffNotice.findMany({
    where: {
      organisationId: actor.organisationId,
      readAt: null,
      ...(manager.siteId ? { OR: [{ siteId: manager.siteId }, { siteId: null }] } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, message: true, createdAt: true },
  });
  return notices.map((notice) => ({ id: notice.id, message: notice.message, at: notice.createdAt.toISOString() }));
}
