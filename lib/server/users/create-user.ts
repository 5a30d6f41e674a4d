import type { PrismaClient } from "@/lib/db/prisma";
import type { CreateUserInput } from "@/lib/domain/forms/admin-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { issuePasswordLink, unusablePasswordHash } from "../identity/password-links";
import { requestRoleChange, SEGREGATED_ROLE } from "../identity/role-change-requests";
import { isUniqueViolation } from "../prisma-errors";
import { requireOrganisationSites } from "../sites/require-organisation-site";
import { UseCaseError } from "../use-case-error";
import { primarySiteOf, writeUserSites } from "./user-sites";
import { referenceDataChanged } from "../reference/reference-cache";

/**
 * An administrator manages users (docs/security.md LG-06: every access change audited with who
 * and when). Scope is always the actor's organisation, never a posted id alone (AC-05).
 * The new user sets their own password from a single-use set-up link (AU-06): the path is
 * returned to be shown once. The nominated officer role is not given here: it becomes a request
 * for a second administrator to approve (AC-06, segregation of duties).
 */
export async function createUser(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: CreateUserInput,
  now: Date = new Date(),
): Promise<{ userId: string; setUpLink: string; expiresAt: Date; roleChangeRequested: boolean }> {
  assertCan(actor, "manage:user:any");
  await requireOrganisationSites(prisma, actor, input.siteIds);
  const siteId = primarySiteOf(input.siteIds, null);
  const wantsSegregatedRole = input.roles.includes(SEGREGATED_ROLE);
  const roles = input.roles.filter((role) => role !== SEGREGATED_ROLE);
  if (roles.length === 0) {
    const message = "Select another role as well: the nominated officer role needs a second administrator's approval, so the user needs a role until then";
    throw new UseCaseError("INVALID", message, { roles: message });
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          organisationId: actor.organisationId,
          siteId,
          email: input.email,
          name: input.name,
          roles,
          passwordHash: unusablePasswordHash(),
        },
      });
      await writeUserSites(tx, user.id, input.siteIds);
      await recordAudit(tx, actor, {
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        after: { name: user.name, email: user.email, roles: user.roles, siteId: user.siteId, siteIds: input.siteIds, setUpLinkIssued: true },
      });
      const link = await issuePasswordLink(tx, { userId: user.id, purpose: "setup", createdById: actor.id }, now);
      if (wantsSegregatedRole) await requestRoleChange(tx, actor, { userId: user.id, grant: true }, now);
      return { userId: user.id, setUpLink: link.path, expiresAt: link.expiresAt, roleChangeRequested: wantsSegregatedRole };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new UseCaseError("CONFLICT", "A user with this email address already exists", {
        email: "A user with this email address already exists",
      });
    }
    throw error;
  } finally {
    // This process's pages read the change on their next request (lib/server/reference/load-staff-and-sites.ts).
    referenceDataChanged();
  }
}
