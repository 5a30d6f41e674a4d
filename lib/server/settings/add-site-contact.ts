import type { PrismaClient } from "@/lib/db/prisma";
import type { AddSiteContactInput } from "@/lib/domain/forms/settings-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";

/**
 * A site's standing contact: its JCP SPoC (13.14, 13.67 chases) or a DEA/Work Coach (3.05: the
 * contact the exit notice goes to). A repeat of the same contact adds nothing.
 */
export async function addSiteContact(prisma: PrismaClient, actor: UseCaseActor, input: AddSiteContactInput): Promise<void> {
  assertCan(actor, "manage:settings:any");
  const { siteId, ...fields } = input;
  await prisma.$transaction(async (tx) => {
    const site = await tx.site.findFirst({ where: { id: siteId, organisationId: actor.organisationId }, select: { id: true } });
    if (!site) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
    const same = await tx.contact.findFirst({ where: { siteId, caseId: null, role: fields.role, name: fields.name, phone: fields.phone, email: fields.email } });
    if (same) return;
    const contact = await tx.contact.create({ data: { siteId, ...fields } });
    await recordAudit(tx, actor, { action: "site.contact_added", entityType: "Contact", entityId: contact.id, after: { siteId, ...fields } });
  });
}
