import type { PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  roles: string[];
  siteName: string | null;
  siteId: string | null;
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
    },
  });
  return users.map(({ site, ...user }) => ({ ...user, siteName: site?.name ?? null }));
}
