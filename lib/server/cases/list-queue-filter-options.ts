import type { PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";

export interface QueueFilterOptions {
  sites: { id: string; name: string }[];
  /** Caseworkers (and nominated officers) of the chosen site, or of every site when none is chosen. */
  caseworkers: { id: string; name: string }[];
}

/** The options of the queue's site and caseworker filters: ids and names of staff and sites only. */
export async function listQueueFilterOptions(prisma: PrismaClient, actor: UseCaseActor, siteId?: string): Promise<QueueFilterOptions> {
  assertCan(actor, "read:case:any");
  const [sites, caseworkers] = await Promise.all([
    prisma.site.findMany({ where: { organisationId: actor.organisationId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.user.findMany({
      where: {
        organisationId: actor.organisationId,
        active: true,
        roles: { hasSome: ["caseworker", "nominated_officer"] },
        ...(siteId ? { siteId } : {}),
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { sites, caseworkers };
}
