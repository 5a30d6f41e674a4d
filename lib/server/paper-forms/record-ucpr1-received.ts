import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordUcpr1ReceivedInput } from "@/lib/domain/forms/paper-forms";
import type { UseCaseActor } from "../assert-can";
import { recordPaperFormDate } from "./uc-case";

/** UCPR1 arrived, with its contents (13.08, 13.66). The audit row records the date, not the words. */
export async function recordUcpr1Received(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordUcpr1ReceivedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  const receivedOn = { field: "receivedOn", subject: "The date the UCPR1 arrived", value: input.receivedOn, today, column: "ucpr1ReceivedOn" } as const;
  await recordPaperFormDate(prisma, actor, input, receivedOn, async (tx, found) => {
    const contents = {
      receivedOn: isoDateToDb(input.receivedOn),
      jobAims: input.jobAims,
      jobPreferences: input.jobPreferences,
      preferredHours: input.preferredHours,
      availabilityRestrictions: input.availabilityRestrictions,
      specialArrangements: input.specialArrangements,
      complexNeeds: input.complexNeeds,
    };
    const form = await tx.ucpr1Form.upsert({ where: { caseId: found.id }, create: { caseId: found.id, ...contents }, update: contents });
    return {
      action: "ucpr1.received",
      entityType: "ucpr1_form",
      entityId: form.id,
      before: { ucpr1ReceivedOn: isoDateFromDb(found.ucpr1ReceivedOn) },
      after: { receivedOn: input.receivedOn },
    };
  });
}
