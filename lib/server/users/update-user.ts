import type { PrismaClient } from "@/lib/db/prisma";
import type { UpdateUserInput } from "@/lib/domain/forms/admin-forms";
import { assertCan, type UseCaseActor } from "../assert-can";
import { requireOrganisationSite } from "../sites/require-organisation-site";
import { UseCaseError } from "../use-case-error";
import { changeUser } from "./change-user";

/** A user's name, roles and site; an administrator cannot remove their own administrator role. */
export async function updateUser(prisma: PrismaClient, actor: UseCaseActor, input: UpdateUserInput): Promise<void> {
  assertCan(actor, "manage:user:any");
  await requireOrganisationSite(prisma, actor, input.siteId);
  if (input.userId === actor.id && !input.roles.includes("administrator")) {
    throw new UseCaseError("INVALID", "You cannot remove your own administrator role", {
      roles: "You cannot remove your own administrator role",
    });
  }
  await changeUser(prisma, actor, input.userId, input.version, () => ({
    data: { name: input.name, roles: input.roles, siteId: input.siteId },
    action: "user.updated",
    after: { name: input.name, roles: input.roles, siteId: input.siteId },
  }));
}
