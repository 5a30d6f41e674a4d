import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordMappaJReceivedInput } from "@/lib/domain/forms/mappa-forms";
import type { UseCaseActor } from "../assert-can";
import { refuseFutureDate } from "../refuse-business-date";
import { logSecurePost } from "../paper-forms/log-secure-post";
import { writeMappaAnnex } from "./write-mappa-annex";

/** The MAPPA J form received by secure post, logged for audit (13.59, 13.69, 3.35). */
export async function recordMappaJReceived(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordMappaJReceivedInput,
  today: IsoDate,
): Promise<void> {
  refuseFutureDate("receivedOn", "The date the MAPPA J form arrived", input.receivedOn, today);
  await writeMappaAnnex(
    prisma,
    actor,
    input,
    async (tx, { caseId }) => {
      const securePostLogId = await logSecurePost(tx, actor, {
        caseId,
        direction: "received",
        document: "mappa_j",
        method: "Secure post (Track and Trace)",
        trackingNumber: input.trackingNumber,
        counterparty: input.counterparty,
        postedOn: input.receivedOn,
      });
      return {
        action: "mappa_annex.mappa_j_received",
        entityType: "SecurePostLog",
        entityId: securePostLogId,
        after: { document: "mappa_j", direction: "received", postedOn: input.receivedOn, trackingNumber: input.trackingNumber },
      };
    },
    { mappaJReceivedOn: isoDateToDb(input.receivedOn) },
  );
}
