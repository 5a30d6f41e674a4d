import type { PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";
import { siteIdsOfRow } from "./user-sites";

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  roles: string[];
  siteName: string | null;
  siteId: string | null;
  /** Every site the user holds, primary first (docs/decisions/0030-users-with-several-sites.md). */
  siteIds: string[];
  /** Their names, primary first; empty: all sites. */
  siteNames: string[];
  active: boolean;
  lastSignedInAt: Date | null;
  lockedUntil: Date | null;
  version: number;
  /** When they set up two-factor authentication (docs/security.md AU-04), or null. */
  mfaEnabledAt: Date | null;
}

/** The organisation's users, active first, by name (administrators only). */
export async function listUsers(prisma: PrismaClient, actor: UseCaseActor): Promise<UserSummary[]> {
  assertCan(actor, "manage:user:any");
  const users = await prisma.user.findMany({
    where: { organisationId: actor.organisationId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true, name: true, email: true, roles: true, siteId: true, active: true,
      lastSignedInAt: true, lockedUntil: true, version: true, mfaEnabledAt: true, site: { select: { name: true } },
      sites: { select: { siteId: true, site: { select: { name: true } } }, orderBy: { site: { name: "asc" } } },
    },
  });
  return users.map(({ site, sites, ...user }) => {
    const siteIds = siteIdsOfRow({ siteId: user.siteId, sites });
    const names = new Map(sites.map((held) => [held.siteId, held.site.name]));
    if (user.siteId && site) names.set(user.siteId, site.name);
    return { ...user, siteName: site?.name ?? null, siteIds, siteNames: siteIds.map((id) => names.get(id) ?? "") };
  });
}
