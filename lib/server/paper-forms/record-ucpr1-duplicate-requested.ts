import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordUcpr1DuplicateRequestedInput } from "@/lib/domain/forms/paper-forms";
import type { UseCaseActor } from "../assert-can";
import { recordPaperFormDate } from "./uc-case";

/**
 * A duplicate UCPR1 was asked of the JCP SPoC (13.67): meets the UCPR1 duplicate clock, which runs
 * from the date the PRaP referral was received. Its own task, apart from the 13.14 forms chase
 * (docs/rules/clocks.md: two obligations, two clocks).
 */
export async function recordUcpr1DuplicateRequested(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordUcpr1DuplicateRequestedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  const requestedOn = {
    field: "requestedOn",
    subject: "The date you asked for a duplicate UCPR1",
    value: input.requestedOn,
    today,
    column: "ucpr1DuplicateRequestedOn",
  } as const;
  await recordPaperFormDate(prisma, actor, input, requestedOn, async (_tx, found) => ({
    action: "ucpr1.duplicate_requested",
    entityType: "Case",
    entityId: found.id,
    before: { ucpr1DuplicateRequestedOn: isoDateFromDb(found.ucpr1DuplicateRequestedOn) },
    after: { ucpr1DuplicateRequestedOn: input.requestedOn },
  }));
}
