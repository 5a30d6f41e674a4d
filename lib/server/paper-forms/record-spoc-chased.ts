import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordSpocChasedInput } from "@/lib/domain/forms/paper-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { claimCaseVersion } from "../cases/case-access";
import { recomputeDueDates } from "../cases/recompute-due-dates";
import { findUcCaseForChange, refusePaperFormDate } from "./uc-case";

/** The JCP SPoC was contacted for missing forms (13.14, 13.67): stops the chase clock. */
export async function recordSpocChased(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordSpocChasedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await findUcCaseForChange(tx, actor, input.caseId);
    refusePaperFormDate("chasedOn", "The date you contacted the JCP SPoC", input.chasedOn, today, found.referralDate);
    await claimCaseVersion(tx, found.id, input.version, { spocChasedOn: isoDateToDb(input.chasedOn) });
    await recomputeDueDates(tx, found.id);
    const missing = [...(found.uc452ReceivedOn ? [] : ["uc452"]), ...(found.ucpr1ReceivedOn ? [] : ["ucpr1"])];
    await recordAudit(tx, actor, {
      action: "spoc.chased",
      entityType: "Case",
      entityId: found.id,
      caseId: found.id,
      before: { spocChasedOn: isoDateFromDb(found.spocChasedOn) },
      after: { spocChasedOn: input.chasedOn, missing },
    });
  });
}
