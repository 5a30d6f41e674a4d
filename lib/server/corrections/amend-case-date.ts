import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { dateAmendmentProblem } from "@/lib/domain/corrections/amend";
import type { AmendCaseDateInput } from "@/lib/domain/forms/amend-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findCaseForActor } from "../cases/case-access";
import { claimCaseVersion } from "../cases/claim-case-version";
import { recomputeCaseDueDates } from "../cases/recompute-case-due-dates";
import { STALE_MESSAGE, UseCaseError, refuseField } from "../use-case-error";
import { assertCanAmend } from "./assert-can-amend";

/**
 * An administrator corrects a recorded date — referral, received, start, end or exit — with a
 * reason (docs/rules/states.md: corrections). The case's version must be the one the form showed;
 * the stored due dates are recomputed (so the clocks and the start measure follow, 13.13), and the
 * audit row keeps the date before and after with the reason; the timeline shows both.
 */
export async function amendCaseDate(prisma: PrismaClient, actor: UseCaseActor, input: AmendCaseDateInput, today: IsoDate = todayInLondon(new Date())): Promise<void> {
  assertCan(actor, "read:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await findCaseForActor(tx, actor, input.caseId);
    // After the visibility rule, so an id this user cannot see answers "not found" whatever their roles (AC-01).
    assertCanAmend(actor);
    if (found.version !== input.version) throw new UseCaseError("STALE", STALE_MESSAGE);
    const row = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { referralDate: true, referralReceivedOn: true, startedOn: true, endedOn: true } });
    const recorded = {
      referralDate: isoDateFromDb(row.referralDate),
      referralReceivedOn: isoDateFromDb(row.referralReceivedOn),
      startedOn: isoDateFromDb(row.startedOn),
      endedOn: isoDateFromDb(row.endedOn),
    };
    const problem = dateAmendmentProblem(recorded, input.field, input.date, today);
    if (problem) refuseField("date", problem);
    await claimCaseVersion(tx, found.id, input.version, { [input.field]: isoDateToDb(input.date) });
    await recomputeCaseDueDates(tx, found.id);
    await recordAudit(tx, actor, {
      action: "case.amended",
      entityType: "Case",
      entityId: found.id,
      caseId: found.id,
      before: { [input.field]: recorded[input.field] },
      after: { [input.field]: input.date },
      reason: input.reason,
    });
  });
}
