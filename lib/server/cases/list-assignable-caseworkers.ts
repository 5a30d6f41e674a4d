import type { PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";
import { worksAtSite } from "../users/user-sites";

/**
 * Who a case can be assigned to: active caseworkers who work at the case's site
 * (docs/decisions/0030-users-with-several-sites.md) — nominated officers only, for SCR (13.77, 3.43),
 * and those of any site, as an SCR case goes to the organisation's few nominated officers. The
 * current caseworker stays in the list, so saving the form unchanged never unassigns them.
 */
export async function listAssignableCaseworkers(
  prisma: PrismaClient,
  actor: UseCaseActor,
  theCase: { restrictionTier: "none" | "mappa" | "scr"; siteId: string; assignedCaseworkerId: string | null },
) {
  assertCan(actor, "update:case:any");
  return prisma.user.findMany({
    where: {
      organisationId: actor.organisationId,
      active: true,
      roles: { hasSome: theCase.restrictionTier === "scr" ? ["nominated_officer"] : ["caseworker", "nominated_officer"] },
      OR: [assignableAtSiteOf(theCase), ...(theCase.assignedCaseworkerId ? [{ id: theCase.assignedCaseworkerId }] : [])],
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** The site clause of a case's assignable caseworkers (none for an SCR case: any nominated officer). */
export function assignableAtSiteOf(theCase: { restrictionTier: "none" | "mappa" | "scr"; siteId: string }) {
  return theCase.restrictionTier === "scr" ? {} : worksAtSite(theCase.siteId);
}
