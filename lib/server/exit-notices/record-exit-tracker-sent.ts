import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordExitTrackerSentInput } from "@/lib/domain/forms/exit-notice-forms";
import { CUSTOMER_EXIT_TRACKER_TEMPLATE, templateFieldsOf } from "@/lib/domain/uc452/template";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { recomputeCaseDueDates } from "../cases/recompute-case-due-dates";
import { refuseDateBefore, refuseFutureDate } from "../refuse-business-date";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { findExitTrackerCase } from "./get-exit-tracker-page";

/**
 * 3.16: record that the Customer Exit Tracker was sent to the referring DEA/Work Coach whose details
 * were taken at the Warm Handover (3.05; their email is recorded now if it was not taken then). Every
 * version sent is kept, with the tracker as it was sent; the first one meets the exit notice's clock
 * (docs/rules/clocks.md "Exit notice"). One transaction, one audit row.
 */
export async function recordExitTrackerSent(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordExitTrackerSentInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await findExitTrackerCase(tx, actor, input.caseId, false);
    const form = found.uc452Parts.find((part) => part.templateVersion === CUSTOMER_EXIT_TRACKER_TEMPLATE);
    if (!form) throw new UseCaseError("INVALID", "Record the customer’s completion or early leaving first: the Customer Exit Tracker is completed then (3.16)");
    if (form.version !== input.formVersion) throw new UseCaseError("STALE", STALE_MESSAGE);
    refuseFutureDate("sentOn", "The date the Customer Exit Tracker was sent", input.sentOn, today);
    const exitedOn = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { endedOn: true } });
    const endedOn = isoDateFromDb(exitedOn.endedOn);
    if (endedOn) refuseDateBefore("sentOn", "The date the Customer Exit Tracker was sent", input.sentOn, endedOn, "the exit date");

    const contact = found.contacts.at(-1) ?? null;
    if (!contact) {
      throw new UseCaseError("INVALID", "No DEA or Work Coach is recorded from the Warm Handover call: record who referred the customer first (3.05)");
    }
    let recipient = contact.email;
    if (!recipient) {
      if (!input.workCoachEmail) {
        const message = "Enter the DEA or Work Coach’s email address: it was not taken at the Warm Handover call (3.05)";
        throw new UseCaseError("INVALID", message, { workCoachEmail: message });
      }
      recipient = input.workCoachEmail;
      await tx.contact.update({ where: { id: contact.id }, data: { email: recipient } });
    }
    const snapshot = {
      part: form.part,
      templateVersion: form.templateVersion,
      formId: form.id,
      formVersion: form.version,
      fields: templateFieldsOf(form.templateVersion, form.part, form.fields),
    };
    const sent = await tx.uc452Email.create({
      data: { caseId: found.id, part: form.part, inbox: "dea_work_coach", recipient, snapshot, sentOn: isoDateToDb(input.sentOn), recordedById: actor.id },
    });
    // The first notice sent meets the clock; a resend is kept as a version and changes nothing else.
    await tx.case.updateMany({ where: { id: found.id, exitNoticeSentOn: null }, data: { exitNoticeSentOn: isoDateToDb(input.sentOn) } });
    await recomputeCaseDueDates(tx, found.id);
    await recordAudit(tx, actor, {
      action: "exit_tracker.sent",
      entityType: "uc452_email",
      entityId: sent.id,
      caseId: found.id,
      after: { part: form.part, recipient, sentOn: input.sentOn, formVersion: form.version, ...(contact.email ? {} : { workCoachEmailRecorded: true }) },
    });
  });
}
