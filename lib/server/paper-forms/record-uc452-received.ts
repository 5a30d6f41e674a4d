import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordUc452ReceivedInput } from "@/lib/domain/forms/paper-forms";
import { CURRENT_UC452_TEMPLATE } from "@/lib/domain/uc452/template";
import type { UseCaseActor } from "../assert-can";
import { recordPaperFormDate } from "./uc-case";

/** UC452 with parts 1–4 completed by JCP arrived (13.12, 13.14): the clock input and the form row. */
export async function recordUc452Received(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordUc452ReceivedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  const receivedOn = { field: "receivedOn", subject: "The date the UC452 arrived", value: input.receivedOn, today, column: "uc452ReceivedOn" } as const;
  await recordPaperFormDate(prisma, actor, input, receivedOn, async (tx, found) => {
    const form = await tx.uc452Form.upsert({
      where: { caseId_part: { caseId: found.id, part: "parts_1_to_4" } },
      // Parts 1–4 are JCP's: the app keeps no invented copy of the paper form's boxes.
      create: { caseId: found.id, part: "parts_1_to_4", templateVersion: CURRENT_UC452_TEMPLATE, fields: {}, receivedOn: isoDateToDb(input.receivedOn) },
      update: { receivedOn: isoDateToDb(input.receivedOn), version: { increment: 1 } },
    });
    return {
      action: "uc452.received",
      entityType: "uc452_form",
      entityId: form.id,
      before: { uc452ReceivedOn: isoDateFromDb(found.uc452ReceivedOn) },
      after: { part: "parts_1_to_4", receivedOn: input.receivedOn },
    };
  });
}
