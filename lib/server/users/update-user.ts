import type { PrismaClient } from "@/lib/db/prisma";
import type { UpdateUserInput } from "@/lib/domain/forms/admin-forms";
import type { Role } from "@/lib/domain/permissions";
import { assertCan, type UseCaseActor } from "../assert-can";
import { requestRoleChange, SEGREGATED_ROLE } from "../identity/role-change-requests";
import { requireOrganisationSites } from "../sites/require-organisation-site";
import { UseCaseError } from "../use-case-error";
import { changeUser } from "./change-user";
import { primarySiteOf, writeUserSites } from "./user-sites";

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((role) => b.includes(role));

/**
 * A user's name, roles and sites (the first chosen, or the one kept, is the primary site: 0030). Segregation of duties (docs/security.md AC-06): nobody changes
 * their own roles, and granting or removing the nominated officer role becomes a request that a
 * second administrator approves (lib/server/identity/role-change-requests.ts); the other changes
 * apply at once.
 */
export async function updateUser(prisma: PrismaClient, actor: UseCaseActor, input: UpdateUserInput, now: Date = new Date()): Promise<{ roleChangeRequested: boolean }> {
  assertCan(actor, "manage:user:any");
  await requireOrganisationSites(prisma, actor, input.siteIds);
  let request: { grant: boolean } | null = null;
  await changeUser(
    prisma,
    actor,
    input.userId,
    input.version,
    (before) => {
      if (input.userId === actor.id && !sameRoles(before.roles, input.roles)) {
        throw new UseCaseError("INVALID", "You cannot change your own roles: ask another administrator", { roles: "You cannot change your own roles: ask another administrator" });
      }
      const had = before.roles.includes(SEGREGATED_ROLE);
      const wants = input.roles.includes(SEGREGATED_ROLE);
      const roles: Role[] = [...input.roles.filter((role) => role !== SEGREGATED_ROLE), ...(had ? [SEGREGATED_ROLE] : [])];
      if (had !== wants) request = { grant: wants };
      if (roles.length === 0) {
        const message = "Select another role as well: the nominated officer role needs a second administrator's approval, so the user needs a role until then";
        throw new UseCaseError("INVALID", message, { roles: message });
      }
      const siteId = primarySiteOf(input.siteIds, before.siteId);
      return {
        data: { name: input.name, roles, siteId },
        action: "user.updated",
        after: { name: input.name, roles, siteId, siteIds: input.siteIds, ...(request ? { nominatedOfficerChangeRequested: true } : {}) },
      };
    },
    async (tx) => {
      await writeUserSites(tx, input.userId, input.siteIds);
      if (request) await requestRoleChange(tx, actor, { userId: input.userId, grant: request.grant }, now);
    },
  );
  return { roleChangeRequested: request !== null };
}
