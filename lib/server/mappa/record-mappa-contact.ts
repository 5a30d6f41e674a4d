import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordMappaContactInput } from "@/lib/domain/forms/mappa-forms";
import type { UseCaseActor } from "../assert-can";
import { writeMappaAnnex } from "./write-mappa-annex";

/** Contact details given later by the JCP nominated officer, held in the annex only (13.70, 3.36). */
export async function recordMappaContact(prisma: PrismaClient, actor: UseCaseActor, input: RecordMappaContactInput): Promise<void> {
  await writeMappaAnnex(
    prisma,
    actor,
    input,
    async (_tx, { annexId }) => ({
      action: "mappa_annex.contact_recorded",
      entityType: "MappaAnnex",
      entityId: annexId,
      // Contact details are sensitive (AC-04): the audit row records that they changed, not what they are.
      after: { contactTelephoneGiven: Boolean(input.contactTelephone), contactAddressGiven: Boolean(input.contactAddress) },
    }),
    { contactTelephone: input.contactTelephone, contactAddress: input.contactAddress },
  );
}
