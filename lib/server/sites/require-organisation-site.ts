import type { PrismaClient } from "@/lib/db/prisma";
import type { UseCaseActor } from "../assert-can";
import { refuseField } from "../use-case-error";

/**
 * A user's site, when one is given: it must be one of the actor's organisation's sites (AC-05:
 * scope comes from the actor, never the post alone). Unlike a new case's site it may be closed.
 */
export async function requireOrganisationSite(prisma: Pick<PrismaClient, "site">, actor: UseCaseActor, siteId: string | null): Promise<void> {
  if (!siteId) return;
  const site = await prisma.site.findFirst({ where: { id: siteId, organisationId: actor.organisationId }, select: { id: true } });
  if (!site) refuseField("siteId", "Select a site from the list");
}

/** A user's sites: each must be one of the actor's organisation's sites (AC-05). */
export async function requireOrganisationSites(prisma: Pick<PrismaClient, "site">, actor: UseCaseActor, siteIds: readonly string[]): Promise<void> {
  if (siteIds.length === 0) return;
  const found = await prisma.site.count({ where: { id: { in: [...siteIds] }, organisationId: actor.organisationId } });
  if (found !== siteIds.length) refuseField("siteIds", "Select sites from the list");
}
