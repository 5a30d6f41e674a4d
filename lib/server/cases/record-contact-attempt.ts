import { todayInLondon } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { CONTACT_ATTEMPT_DATE_LABEL, type RecordContactAttemptInput } from "@/lib/domain/forms/case-work-forms";
import { businessEventOf } from "@/lib/domain/lifecycle/business-event";
import { businessDate } from "@/lib/domain/lifecycle/step-form";
import { UseCaseError } from "../use-case-error";
import { failedAttemptsSinceLastContact, unableToContactPrompt } from "@/lib/domain/lifecycle/contact-attempts";
import { loadSettings } from "@/lib/server/reference/load-settings";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findCaseForActor } from "./case-access";

export interface ContactAttemptResult {
  failedAttempts: number;
  /** 3.08: after (usually) three unsuccessful attempts, consider the "unable to contact" path. */
  promptUnableToContact: boolean;
}

/**
 * A contact attempt on the date entered (docs/rules/decisions.md: business dates: never in the
 * future or before the referral date; today's is timed now); append-only, so no version to check. Answers how many
 * attempts since the last successful contact have failed, and whether to consider "unable to
 * contact" (3.08, docs/rules/states.md).
 */
export async function recordContactAttempt(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordContactAttemptInput,
  now: Date = new Date(),
): Promise<ContactAttemptResult> {
  assertCan(actor, "update:case:any");
  return prisma.$transaction(async (tx) => {
    const found = await findCaseForActor(tx, actor, input.caseId);
    const { referralDate } = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { referralDate: true } });
    const clock = { today: todayInLondon(now), now };
    const when = businessEventOf(businessDate(CONTACT_ATTEMPT_DATE_LABEL), { on: input.attemptedOn, time: null }, clock, isoDateFromDb(referralDate));
    if (!when.ok) throw new UseCaseError("INVALID", when.message, { attemptedOn: when.message });
    const attempt = await tx.contactAttempt.create({
      data: { caseId: found.id, attemptedAt: when.event.at, channel: input.channel, outcome: input.outcome, note: input.note, recordedById: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "contact_attempt.recorded",
      entityType: "ContactAttempt",
      entityId: attempt.id,
      caseId: found.id,
      // The audit row keeps both: when it happened, and when it was keyed (the row's own time).
      after: { channel: input.channel, outcome: input.outcome, businessDate: input.attemptedOn, keyedAt: now.toISOString() },
    });
    const { "contact.unableToContactAttempts": limit } = await loadSettings(tx, ["contact.unableToContactAttempts"]);
    const attempts = await tx.contactAttempt.findMany({ where: { caseId: found.id }, orderBy: { attemptedAt: "asc" }, select: { outcome: true } });
    const failedAttempts = failedAttemptsSinceLastContact(attempts.map((attempt) => attempt.outcome));
    return { failedAttempts, promptUnableToContact: unableToContactPrompt(failedAttempts, limit) };
  });
}
