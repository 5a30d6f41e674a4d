import type { Prisma } from "@/lib/db/prisma";
import { recordAudit } from "../audit/record-audit";
import type { UseCaseActor } from "../assert-can";

export type ContactSource = {
  id: string;
  referralDate: Date | null;
  claimant: { telephone: string | null; alternativeTelephone: string | null; addressLine1: string | null; addressLine2: string | null; town: string | null; postcode: string | null };
  mappaAnnex: { id: string; contactTelephone: string | null; contactAlternativeTelephone: string | null; contactEmail: string | null; contactAddress: string | null } | null;
};

/**
 * A nominated officer marks a case MAPPA (the intake refuses contact details on a MAPPA referral,
 * 13.58): the claimant's contact details, from now on shown to nominated officers only
 * (findVisibleCase), are kept in the annex with the date they were given — the referral date, as
 * they came with it (13.70, 3.36; docs/rules/restricted-cases.md: MAPPA contact details). Contact
 * details the annex already holds (given by the JCP nominated officer) win. Clearing MAPPA changes
 * nothing here: the claimant's own details were never deleted.
 */
export async function keepContactDetailsInAnnex(tx: Prisma.TransactionClient, actor: UseCaseActor, found: ContactSource): Promise<void> {
  const claimant = found.claimant;
  const address = [claimant.addressLine1, claimant.addressLine2, claimant.town, claimant.postcode].filter(Boolean).join(", ") || null;
  if (!claimant.telephone && !claimant.alternativeTelephone && !address) return;
  const annex = found.mappaAnnex;
  if (annex && (annex.contactTelephone || annex.contactAlternativeTelephone || annex.contactEmail || annex.contactAddress)) return;
  const data = {
    contactTelephone: claimant.telephone,
    contactAlternativeTelephone: claimant.alternativeTelephone,
    contactAddress: address?.slice(0, 500) ?? null,
    contactGivenOn: found.referralDate,
  };
  const annexId = annex
    ? (await tx.mappaAnnex.update({ where: { id: annex.id }, data: { ...data, version: { increment: 1 } }, select: { id: true } })).id
    : (await tx.mappaAnnex.create({ data: { ...data, caseId: found.id }, select: { id: true } })).id;
  await recordAudit(tx, actor, {
    action: "mappa_annex.contact_kept_from_referral",
    entityType: "MappaAnnex",
    entityId: annexId,
    caseId: found.id,
    // AC-04: that they moved, never the values.
    after: { contactTelephoneGiven: Boolean(claimant.telephone), contactAlternativeTelephoneGiven: Boolean(claimant.alternativeTelephone), contactAddressGiven: Boolean(address) },
  });
}
