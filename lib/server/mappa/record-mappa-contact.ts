import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordMappaContactInput } from "@/lib/domain/forms/mappa-forms";
import type { UseCaseActor } from "../assert-can";
import { refuseFutureDate } from "../refuse-business-date";
import { writeMappaAnnex } from "./write-mappa-annex";

/**
 * The participant's contact details as the JCP nominated officer gives them, with the date they
 * were given, held in the annex only (13.70, 3.36; docs/rules/restricted-cases.md: MAPPA contact details).
 */
export async function recordMappaContact(prisma: PrismaClient, actor: UseCaseActor, input: RecordMappaContactInput, today: IsoDate): Promise<void> {
  refuseFutureDate("contactGivenOn", "The date the contact details were given", input.contactGivenOn, today);
  await writeMappaAnnex(
    prisma,
    actor,
    input,
    async (_tx, { annexId }) => ({
      action: "mappa_annex.contact_recorded",
      entityType: "MappaAnnex",
      entityId: annexId,
      // Contact details are sensitive (AC-04): the audit row records that they changed, not what they are.
      after: {
        contactTelephoneGiven: Boolean(input.contactTelephone),
        contactAlternativeTelephoneGiven: Boolean(input.contactAlternativeTelephone),
        contactEmailGiven: Boolean(input.contactEmail),
        contactAddressGiven: Boolean(input.contactAddress),
        contactGivenOn: input.contactGivenOn,
      },
    }),
    {
      contactTelephone: input.contactTelephone,
      contactAlternativeTelephone: input.contactAlternativeTelephone,
      contactEmail: input.contactEmail,
      contactAddress: input.contactAddress,
      contactGivenOn: isoDateToDb(input.contactGivenOn),
    },
  );
}
