import type { PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";

export interface SiteSummary {
  id: string;
  name: string;
  nation: "england_and_wales" | "scotland" | "northern_ireland";
  address: string | null;
  capacity: number | null;
  active: boolean;
  version: number;
  openCases: number;
}

/** The organisation's sites with their open cases, active first (administrators only). */
export async function listSites(prisma: PrismaClient, actor: UseCaseActor): Promise<SiteSummary[]> {
  assertCan(actor, "manage:site:any");
  const sites = await prisma.site.findMany({
    where: { organisationId: actor.organisationId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true, name: true, nation: true, address: true, capacity: true, active: true, version: true,
      _count: { select: { cases: { where: { closedAt: null } } } },
    },
  });
  return sites.map(({ _count, ...site }) => ({ ...site, openCases: _count.cases }));
}
