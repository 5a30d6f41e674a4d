import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordSpocChasedInput } from "@/lib/domain/forms/paper-forms";
import type { UseCaseActor } from "../assert-can";
import { recordPaperFormDate } from "./uc-case";

/** The JCP SPoC was contacted for missing forms (13.14, 13.67): stops the chase clock. */
export async function recordSpocChased(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordSpocChasedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  const chasedOn = { field: "chasedOn", subject: "The date you contacted the JCP SPoC", value: input.chasedOn, today, column: "spocChasedOn" } as const;
  await recordPaperFormDate(prisma, actor, input, chasedOn, async (_tx, found) => ({
    action: "spoc.chased",
    entityType: "Case",
    entityId: found.id,
    before: { spocChasedOn: isoDateFromDb(found.spocChasedOn) },
    after: { spocChasedOn: input.chasedOn, missing: [...(found.uc452ReceivedOn ? [] : ["uc452"]), ...(found.ucpr1ReceivedOn ? [] : ["ucpr1"])] },
  }));
}
