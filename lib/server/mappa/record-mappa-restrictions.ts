import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordMappaRestrictionsInput } from "@/lib/domain/forms/mappa-forms";
import type { UseCaseActor } from "../assert-can";
import { refuseFutureDate } from "../refuse-business-date";
import { writeMappaAnnex } from "./write-mappa-annex";

/** Restrictions phoned through by the JCP nominated officer (13.59, 13.68, 3.34). */
export async function recordMappaRestrictions(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordMappaRestrictionsInput,
  today: IsoDate,
): Promise<void> {
  refuseFutureDate("restrictionsPhonedOn", "The date the JCP nominated officer phoned", input.restrictionsPhonedOn, today);
  await writeMappaAnnex(
    prisma,
    actor,
    input,
    async (_tx, { annexId }) => ({
      action: "mappa_annex.restrictions_recorded",
      entityType: "MappaAnnex",
      entityId: annexId,
      // The restrictions themselves stay in the annex; the audit row says what changed, not the text.
      after: { restrictionsPhonedOn: input.restrictionsPhonedOn, restrictionsLength: input.restrictions.length, restrictionsPhonedByGiven: Boolean(input.restrictionsPhonedBy) },
    }),
    { restrictions: input.restrictions, restrictionsPhonedOn: isoDateToDb(input.restrictionsPhonedOn), restrictionsPhonedBy: input.restrictionsPhonedBy },
  );
}
