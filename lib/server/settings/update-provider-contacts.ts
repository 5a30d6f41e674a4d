import type { PrismaClient } from "@/lib/db/prisma";
import type { ProviderContactsInput } from "@/lib/domain/forms/settings-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";

/**
 * The provider's part-7 contact details (13.31) and the UC Service Centre and SES Policy inboxes
 * the UC452 parts are e-mailed to (13.21–13.22), on the organisation; optimistic concurrency on its
 * version; before and after audited.
 */
export async function updateProviderContacts(prisma: PrismaClient, actor: UseCaseActor, input: ProviderContactsInput): Promise<void> {
  assertCan(actor, "manage:settings:any");
  const { version, ...fields } = input;
  await prisma.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({
      where: { id: actor.organisationId },
      select: { contactPhone: true, contactEmail: true, ucServiceCentreEmail: true, sesPolicyEmail: true },
    });
    const updated = await tx.organisation.updateMany({ where: { id: actor.organisationId, version }, data: { ...fields, version: { increment: 1 } } });
    if (updated.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
    await recordAudit(tx, actor, { action: "organisation.contacts_updated", entityType: "Organisation", entityId: actor.organisationId, before, after: fields });
  });
}
