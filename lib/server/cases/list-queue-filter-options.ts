import type { PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";
import { holdsSite } from "../users/user-sites";

export interface QueueFilterOptions {
  /** The user's own sites first (docs/decisions/0030-users-with-several-sites.md), then the others, by name. */
  sites: { id: string; name: string; mine: boolean }[];
  /** Caseworkers (and nominated officers) of the chosen site, or of every site when none is chosen. */
  caseworkers: { id: string; name: string }[];
}

/** The options of the queue's site and caseworker filters: ids and names of staff and sites only. */
export async function listQueueFilterOptions(prisma: PrismaClient, actor: UseCaseActor, siteId?: string): Promise<QueueFilterOptions> {
  assertCan(actor, "read:case:any");
  // The sites with whether this user holds each (a UserSite row, or the primary site): one query.
  // Counted, not listed: Prisma filters a listed relation after building a row for every user of
  // the site, a count filters in its WHERE (an index lookup).
  const [siteRows, caseworkers] = await Promise.all([
    prisma.site.findMany({
      where: { organisationId: actor.organisationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, _count: { select: { users: { where: { id: actor.id } }, userSites: { where: { userId: actor.id } } } } },
    }),
    prisma.user.findMany({
      where: {
        organisationId: actor.organisationId,
        active: true,
        roles: { hasSome: ["caseworker", "nominated_officer"] },
        ...(siteId ? holdsSite(siteId) : {}),
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const marked = siteRows.map((site) => ({ id: site.id, name: site.name, mine: site._count.users > 0 || site._count.userSites > 0 }));
  return { sites: [...marked.filter((site) => site.mine), ...marked.filter((site) => !site.mine)], caseworkers };
}
