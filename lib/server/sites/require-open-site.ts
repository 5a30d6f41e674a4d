import type { PrismaClient } from "@/lib/db/prisma";
import type { UseCaseActor } from "../assert-can";
import { refuseField } from "../use-case-error";

/**
 * The site a new case is recorded at. Scope comes from the actor, never the post alone (AC-05):
 * it must be one of the actor's organisation's sites, and open.
 */
export async function requireOpenSite(prisma: Pick<PrismaClient, "site">, actor: UseCaseActor, siteId: string): Promise<{ id: string }> {
  const site = await prisma.site.findFirst({ where: { id: siteId, organisationId: actor.organisationId, active: true }, select: { id: true } });
  if (!site) refuseField("siteId", "Select a site from the list");
  return site;
}
