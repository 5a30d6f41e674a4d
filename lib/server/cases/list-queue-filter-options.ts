import type { PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";
import { loadStaffAndSitesForPages } from "../reference/load-staff-and-sites";

export interface QueueFilterOptions {
  /** The user's own sites first (docs/decisions/0030-users-with-several-sites.md), then the others, by name. */
  sites: { id: string; name: string; mine: boolean }[];
  /** Active caseworkers (and nominated officers) holding the chosen site, or of every site when none is chosen. */
  caseworkers: { id: string; name: string }[];
}

/**
 * The options of the queue's site and caseworker filters: ids and names of staff and sites only,
 * from the organisation's sites and staff held per process (docs/decisions/0039-staff-and-sites-per-process.md).
 * A filter only narrows what the visibility rule lets the user see, so an option up to 10 s old on
 * another instance can show no more than a current one.
 */
export async function listQueueFilterOptions(prisma: PrismaClient, actor: UseCaseActor, siteId?: string): Promise<QueueFilterOptions> {
  assertCan(actor, "read:case:any");
  const { sites, staff } = await loadStaffAndSitesForPages(prisma, actor.organisationId);
  const held = staff.find((user) => user.id === actor.id)?.siteIds ?? [];
  const marked = sites.map((site) => ({ id: site.id, name: site.name, mine: held.includes(site.id) }));
  const caseworkers = staff
    .filter((user) => user.active && (user.roles.includes("caseworker") || user.roles.includes("nominated_officer")) && (!siteId || user.siteIds.includes(siteId)))
    .map((user) => ({ id: user.id, name: user.name }));
  return { sites: [...marked.filter((site) => site.mine), ...marked.filter((site) => !site.mine)], caseworkers };
}
