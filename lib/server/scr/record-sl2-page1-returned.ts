import { formatLongDate, todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordSl2Page1ReturnedInput } from "@/lib/domain/forms/scr-forms";
import { scrMarking, SECURE_RETURN_METHOD_LABELS } from "@/lib/domain/scr/sl2";
import { recordAudit } from "../audit/record-audit";
import type { UseCaseActor } from "../assert-can";
import { refuseDateBefore, refuseFutureDate } from "../refuse-business-date";
import { claimCaseVersion } from "../cases/claim-case-version";
import { logSecurePost } from "../paper-forms/log-secure-post";
import { UseCaseError } from "../use-case-error";
import { findSl2ForReturn } from "./find-sl2-for-return";

/** 13.55, 3.31: page 1 completed and returned to the JCP nominated officer; pages 2 and 3 kept. */
export async function recordSl2Page1Returned(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordSl2Page1ReturnedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { found, sl2, counterparty } = await findSl2ForReturn(tx, actor, input.caseId);
    if (sl2.page1ReturnedOn) {
      throw new UseCaseError("INVALID", `Page 1 was already returned on ${formatLongDate(isoDateFromDb(sl2.page1ReturnedOn))}.`);
    }
    const receivedOn = isoDateFromDb(sl2.receivedOn);
    refuseDateBefore("completedOn", "Date page 1 was completed", input.completedOn, receivedOn, "the date the SL2 was received");
    refuseFutureDate("completedOn", "Date page 1 was completed", input.completedOn, today);
    refuseDateBefore("returnedOn", "Date page 1 was returned", input.returnedOn, input.completedOn, "the date it was completed");
    refuseFutureDate("returnedOn", "Date page 1 was returned", input.returnedOn, today);

    await claimCaseVersion(tx, found.id, input.version);
    const method = SECURE_RETURN_METHOD_LABELS[input.method];
    await tx.sl2Form.update({
      where: { id: sl2.id },
      data: {
        page1CompletedOn: isoDateToDb(input.completedOn),
        page1ReturnedOn: isoDateToDb(input.returnedOn),
        page1ReturnMethod: method,
        pages2And3Retained: true,
        version: { increment: 1 },
      },
    });
    const securePostLogId = await logSecurePost(tx, actor, {
      caseId: found.id,
      direction: "sent",
      document: "sl2_page_1",
      method,
      trackingNumber: input.trackingNumber,
      counterparty,
      postedOn: input.returnedOn,
    });
    await recordAudit(tx, actor, {
      action: "sl2.page1_returned",
      entityType: "sl2_form",
      entityId: sl2.id,
      caseId: found.id,
      before: { page1ReturnedOn: null },
      after: {
        page1CompletedOn: input.completedOn,
        page1ReturnedOn: input.returnedOn,
        method: input.method,
        trackingNumber: input.trackingNumber,
        pages2And3Retained: true,
        securePostLogId,
        marking: scrMarking(found.ruleset, sl2.markingOverride),
      },
    });
  });
}
