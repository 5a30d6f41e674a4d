import type { PrismaClient } from "@/lib/db/prisma";
import type { RemoveSiteContactInput } from "@/lib/domain/forms/settings-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";

/** Remove a site's standing contact (a case's own contacts are never touched); removing twice is harmless. */
export async function removeSiteContact(prisma: PrismaClient, actor: UseCaseActor, input: RemoveSiteContactInput): Promise<void> {
  assertCan(actor, "manage:settings:any");
  await prisma.$transaction(async (tx) => {
    const contact = await tx.contact.findFirst({
      where: { id: input.contactId, siteId: input.siteId, caseId: null, site: { organisationId: actor.organisationId } },
      select: { id: true, siteId: true, role: true, name: true, organisation: true, phone: true, email: true },
    });
    if (!contact) return;
    await tx.contact.delete({ where: { id: contact.id } });
    await recordAudit(tx, actor, { action: "site.contact_removed", entityType: "Contact", entityId: contact.id, before: contact });
  });
}
