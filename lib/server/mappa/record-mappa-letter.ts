import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordMappaLetterInput } from "@/lib/domain/forms/mappa-forms";
import type { UseCaseActor } from "../assert-can";
import { refuseFutureDate } from "../refuse-business-date";
import { writeMappaAnnex } from "./write-mappa-annex";

/** A letter JCP's nominated officer sent instead of the provider (13.72, 3.38). */
export async function recordMappaLetter(prisma: PrismaClient, actor: UseCaseActor, input: RecordMappaLetterInput, today: IsoDate): Promise<void> {
  refuseFutureDate("sentOn", "The date JCP sent the letter", input.sentOn, today);
  await writeMappaAnnex(prisma, actor, input, async (tx, { caseId }) => {
    const letter = await tx.mappaLetter.create({
      data: { caseId, sentOn: isoDateToDb(input.sentOn), description: input.description, recordedById: actor.id },
    });
    return { action: "mappa_letter.recorded", entityType: "MappaLetter", entityId: letter.id, after: { sentOn: input.sentOn } };
  });
}
