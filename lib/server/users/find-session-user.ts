import { isRole, type Role } from "@/lib/domain/permissions";
import type { PrismaClient } from "@/lib/db/prisma";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  organisationId: string;
  siteId: string | null;
}

/**
 * The user behind a session, or null when the session no longer stands: the user was
 * deactivated, or signed out everywhere / had a password reset since (sessionVersion, SE-04).
 */
export async function findSessionUser(prisma: PrismaClient, userId: string, sessionVersion: number | undefined): Promise<SessionUser | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, roles: true, organisationId: true, siteId: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles.filter(isRole),
    organisationId: user.organisationId,
    siteId: user.siteId,
  };
}
