import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/prisma";

export interface NewPrapReferral {
  purchaseOrderNumber: string;
  referralId: string;
  provisionId: string;
  provision: "ia_opportunity" | "ses_p2_national" | "sesmp" | "sessb";
  regime: "uc" | "non_uc";
  referralDate: IsoDate;
  referralReceivedOn: IsoDate;
}

/**
 * A case's PRaP referral as received (status "received", 13.16, 3.06), inside the caller's
 * transaction: from the intake, or JCP's referral of an accepted introduction (13.49).
 */
export async function createPrapReferral(
  tx: Pick<Prisma.TransactionClient, "prapReferral">,
  caseId: string,
  referral: NewPrapReferral,
  clock: { today: IsoDate; now: Date },
): Promise<{ id: string }> {
  return tx.prapReferral.create({
    data: {
      caseId,
      purchaseOrderNumber: referral.purchaseOrderNumber,
      referralId: referral.referralId,
      provisionId: referral.provisionId,
      provision: referral.provision,
      regime: referral.regime,
      referralDate: isoDateToDb(referral.referralDate),
      receivedAt: prapReceivedAt(referral.referralReceivedOn, clock),
      status: "received",
      statusChangedAt: clock.now,
    },
    select: { id: true },
  });
}

/** When a PRaP referral was received: received today, now; earlier, that date (midnight UTC is that date in London too). */
export function prapReceivedAt(receivedOn: IsoDate, clock: { today: IsoDate; now: Date }): Date {
  return receivedOn === clock.today ? clock.now : isoDateToDb(receivedOn);
}
