import type { PrismaClient } from "@/lib/db/prisma";

/** Site names for pickers (any signed-in user of the organisation). */
export async function listSiteOptions(prisma: PrismaClient, organisationId: string): Promise<{ id: string; name: string }[]> {
  return prisma.site.findMany({ where: { organisationId, active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
