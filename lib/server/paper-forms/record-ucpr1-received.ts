import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordUcpr1ReceivedInput } from "@/lib/domain/forms/paper-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { claimCaseVersion } from "../cases/case-access";
import { recomputeDueDates } from "../cases/recompute-due-dates";
import { findUcCaseForChange, refusePaperFormDate } from "./uc-case";

/** UCPR1 arrived, with its contents (13.08, 13.66). The audit row records the date, not the words. */
export async function recordUcpr1Received(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordUcpr1ReceivedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await findUcCaseForChange(tx, actor, input.caseId);
    refusePaperFormDate("receivedOn", "The date the UCPR1 arrived", input.receivedOn, today, found.referralDate);
    await claimCaseVersion(tx, found.id, input.version, { ucpr1ReceivedOn: isoDateToDb(input.receivedOn) });
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
    await recomputeDueDates(tx, found.id);
    await recordAudit(tx, actor, {
      action: "ucpr1.received",
      entityType: "ucpr1_form",
      entityId: form.id,
      caseId: found.id,
      before: { ucpr1ReceivedOn: isoDateFromDb(found.ucpr1ReceivedOn) },
      after: { receivedOn: input.receivedOn },
    });
  });
}
