import type { PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";

/** Who a case can be assigned to: active caseworkers (nominated officers only, for SCR: 13.77, 3.43). */
export async function listAssignableCaseworkers(prisma: PrismaClient, actor: UseCaseActor, restrictionTier: "none" | "mappa" | "scr") {
  assertCan(actor, "update:case:any");
  return prisma.user.findMany({
    where: {
      organisationId: actor.organisationId,
      active: true,
      roles: { hasSome: restrictionTier === "scr" ? ["nominated_officer"] : ["caseworker", "nominated_officer"] },
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
