import { formatLongDate, todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordSl2ReferralFormReturnedInput } from "@/lib/domain/forms/scr-forms";
import { assessmentDone, scrMarking, SECURE_RETURN_METHOD_LABELS } from "@/lib/domain/scr/sl2";
import { recordAudit } from "../audit/record-audit";
import type { UseCaseActor } from "../assert-can";
import { refuseDateBefore, refuseFutureDate } from "../refuse-business-date";
import { claimCaseVersion } from "../cases/claim-case-version";
import { logSecurePost } from "../paper-forms/log-secure-post";
import { UseCaseError } from "../use-case-error";
import { findSl2ForReturn } from "./find-sl2-for-return";

/** 13.56, 3.31: after the assessment, the referral form completed and returned to the JCP nominated officer. */
export async function recordSl2ReferralFormReturned(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordSl2ReferralFormReturnedInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { found, sl2, counterparty } = await findSl2ForReturn(tx, actor, input.caseId);
    if (sl2.referralFormReturnedOn) {
      throw new UseCaseError("INVALID", `The referral form was already returned on ${formatLongDate(isoDateFromDb(sl2.referralFormReturnedOn))}.`);
    }
    if (!sl2.page1ReturnedOn) {
      throw new UseCaseError("INVALID", "Return SL2 page 1 to the JCP nominated officer first (13.55).");
    }
    if (!assessmentDone(found.state)) {
      throw new UseCaseError("INVALID", "The referral form is completed and returned after the assessment: record the assessment or the start first (13.56).");
    }
    refuseDateBefore("returnedOn", "Date the referral form was returned", input.returnedOn, isoDateFromDb(sl2.page1ReturnedOn), "the date page 1 was returned");
    refuseFutureDate("returnedOn", "Date the referral form was returned", input.returnedOn, today);

    await claimCaseVersion(tx, found.id, input.version);
    const method = SECURE_RETURN_METHOD_LABELS[input.method];
    await tx.sl2Form.update({
      where: { id: sl2.id },
      data: { referralFormReturnedOn: isoDateToDb(input.returnedOn), referralFormReturnMethod: method, version: { increment: 1 } },
    });
    const securePostLogId = await logSecurePost(tx, actor, {
      caseId: found.id,
      direction: "sent",
      document: "sl2_referral_form",
      method,
      trackingNumber: input.trackingNumber,
      counterparty,
      postedOn: input.returnedOn,
    });
    await recordAudit(tx, actor, {
      action: "sl2.referral_form_returned",
      entityType: "sl2_form",
      entityId: sl2.id,
      caseId: found.id,
      before: { referralFormReturnedOn: null },
      after: {
        referralFormReturnedOn: input.returnedOn,
        method: input.method,
        trackingNumber: input.trackingNumber,
        securePostLogId,
        marking: scrMarking(found.ruleset, sl2.markingOverride),
      },
    });
  });
}
