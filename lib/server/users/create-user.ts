import type { PrismaClient } from "@/lib/db/prisma";
import type { CreateUserInput } from "@/lib/domain/forms/admin-forms";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { requireOrganisationSite } from "../sites/require-organisation-site";
import { UseCaseError } from "../use-case-error";

/**
 * An administrator manages users (docs/security.md LG-06: every access change audited with who
 * and when). Scope is always the actor's organisation, never a posted id alone (AC-05).
 */
export async function createUser(prisma: PrismaClient, actor: UseCaseActor, input: CreateUserInput): Promise<{ userId: string }> {
  assertCan(actor, "manage:user:any");
  await requireOrganisationSite(prisma, actor, input.siteId);
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          organisationId: actor.organisationId,
          siteId: input.siteId,
          email: input.email,
          name: input.name,
          roles: input.roles,
          passwordHash,
        },
      });
      await recordAudit(tx, actor, {
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        after: { name: user.name, email: user.email, roles: user.roles, siteId: user.siteId },
      });
      return { userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new UseCaseError("CONFLICT", "A user with this email address already exists", {
        email: "A user with this email address already exists",
      });
    }
    throw error;
  }
}
