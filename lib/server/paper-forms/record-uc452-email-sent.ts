import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordUc452EmailSentInput } from "@/lib/domain/forms/paper-forms";
import { EXIT_PARTS, inboxesFor, templateFieldsOf } from "@/lib/domain/uc452/template";
import { recomputeCaseDueDates } from "../cases/recompute-case-due-dates";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { findUcCaseForChange, recipientFor, refusePaperFormDate } from "./uc-case";

/**
 * Record that one UC452 email was sent (13.21, 13.22): the snapshot of the form as sent is kept,
 * every version (a resend is a new row, never an overwrite). Part 8a or 8b sent to the UC Service
 * Centre is the exit notice (13.21 note, 13.36, 13.37) and meets its clock.
 */
export async function recordUc452EmailSent(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordUc452EmailSentInput,
  today: IsoDate = todayInLondon(new Date()),
): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await findUcCaseForChange(tx, actor, input.caseId);
    if (!inboxesFor(input.part).includes(input.inbox)) throw new UseCaseError("INVALID", "This part of the UC452 is not sent to that inbox (13.21, 13.22)");
    const form = await tx.uc452Form.findUnique({ where: { caseId_part: { caseId: found.id, part: input.part } } });
    if (!form) throw new UseCaseError("INVALID", "Complete this part of the UC452 before emailing it");
    // The email was built from the version the page showed; if the form changed since, download it again.
    if (form.version !== input.formVersion) throw new UseCaseError("STALE", STALE_MESSAGE);
    const organisation = await tx.organisation.findUniqueOrThrow({
      where: { id: found.organisationId },
      select: { ucServiceCentreEmail: true, sesPolicyEmail: true },
    });
    const recipient = recipientFor(organisation, input.inbox);
    if (!recipient) throw new UseCaseError("INVALID", "Ask an administrator to record this inbox's email address on the Settings and contacts page first");
    refusePaperFormDate("sentOn", "The date the email was sent", input.sentOn, today, found.referralDate);
    const snapshot = {
      part: input.part,
      templateVersion: form.templateVersion,
      formId: form.id,
      formVersion: form.version,
      fields: templateFieldsOf(form.templateVersion, input.part, form.fields),
    };
    const email = await tx.uc452Email.create({
      data: { caseId: found.id, part: input.part, inbox: input.inbox, recipient, snapshot, sentOn: isoDateToDb(input.sentOn), recordedById: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "uc452.emailed",
      entityType: "uc452_email",
      entityId: email.id,
      caseId: found.id,
      after: { part: input.part, inbox: input.inbox, recipient, sentOn: input.sentOn, formVersion: form.version },
    });
    // The exit notice (13.21 note, 13.36, 13.37): part 8a or 8b e-mailed to the UC Service Centre
    // meets its clock (docs/rules/clocks.md "Exit notice"); a resend keeps the first date.
    if ((EXIT_PARTS as readonly string[]).includes(input.part)) {
      await tx.case.updateMany({ where: { id: found.id, exitNoticeSentOn: null }, data: { exitNoticeSentOn: isoDateToDb(input.sentOn) } });
      await recomputeCaseDueDates(tx, found.id);
    }
  });
}
