import type { PrismaClient } from "@/lib/db/prisma";
import type { AddCaseNoteInput, AssignCaseInput, RecordContactAttemptInput } from "@/lib/domain/forms/case-work-forms";
import { DEFAULT_UNABLE_TO_CONTACT_THRESHOLD, failedAttemptsSinceLastContact, unableToContactPrompt } from "@/lib/domain/lifecycle/contact-attempts";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";
import { claimCaseVersion, findCaseForActor } from "./case-access";

/** A case note: author and time from the session; append-only, so no version to check. */
export async function addCaseNote(prisma: PrismaClient, actor: UseCaseActor, input: AddCaseNoteInput): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await findCaseForActor(tx, actor, input.caseId);
    const note = await tx.caseNote.create({ data: { caseId: found.id, authorId: actor.id, text: input.text } });
    // The note text is personal data: the audit row records that a note was added, not its words.
    await recordAudit(tx, actor, { action: "note.added", entityType: "CaseNote", entityId: note.id, caseId: found.id });
  });
}

/** Assign or unassign a caseworker; history is kept in CaseAssignment. */
export async function assignCase(prisma: PrismaClient, actor: UseCaseActor, input: AssignCaseInput): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await findCaseForActor(tx, actor, input.caseId);
    if (input.caseworkerId) {
      const caseworker = await tx.user.findFirst({
        where: { id: input.caseworkerId, organisationId: actor.organisationId, active: true, roles: { hasSome: ["caseworker", "nominated_officer"] } },
        select: { id: true, roles: true },
      });
      if (!caseworker) throw new UseCaseError("INVALID", "Select a caseworker from the list", { caseworkerId: "Select a caseworker from the list" });
      // An SCR case is handled by nominated officers alone (13.77, 3.43).
      if (found.restrictionTier === "scr" && !caseworker.roles.includes("nominated_officer")) {
        throw new UseCaseError("INVALID", "Only a nominated officer can hold an SCR case", { caseworkerId: "Only a nominated officer can hold an SCR case" });
      }
    }
    if (found.assignedCaseworkerId === input.caseworkerId) return; // a repeat submission changes nothing
    await claimCaseVersion(tx, found.id, input.version, { assignedCaseworkerId: input.caseworkerId });
    await tx.caseAssignment.create({ data: { caseId: found.id, caseworkerId: input.caseworkerId, assignedById: actor.id } });
    await recordAudit(tx, actor, {
      action: input.caseworkerId ? "case.assigned" : "case.unassigned",
      entityType: "Case",
      entityId: found.id,
      caseId: found.id,
      before: { assignedCaseworkerId: found.assignedCaseworkerId },
      after: { assignedCaseworkerId: input.caseworkerId },
    });
  });
}

export interface ContactAttemptResult {
  failedAttempts: number;
  /** 3.08: after (usually) three unsuccessful attempts, consider the "unable to contact" path. */
  promptUnableToContact: boolean;
}

export async function recordContactAttempt(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordContactAttemptInput,
  now: Date = new Date(),
): Promise<ContactAttemptResult> {
  assertCan(actor, "update:case:any");
  return prisma.$transaction(async (tx) => {
    const found = await findCaseForActor(tx, actor, input.caseId);
    const attempt = await tx.contactAttempt.create({
      data: { caseId: found.id, attemptedAt: now, channel: input.channel, outcome: input.outcome, note: input.note, recordedById: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "contact_attempt.recorded",
      entityType: "ContactAttempt",
      entityId: attempt.id,
      caseId: found.id,
      after: { channel: input.channel, outcome: input.outcome },
    });
    const threshold = await tx.setting.findUnique({ where: { key: "contact.unableToContactAttempts" } });
    const attempts = await tx.contactAttempt.findMany({ where: { caseId: found.id }, orderBy: { attemptedAt: "asc" }, select: { outcome: true } });
    const failedAttempts = failedAttemptsSinceLastContact(attempts.map((attempt) => attempt.outcome));
    const limit = typeof threshold?.value === "number" && threshold.value >= 1 ? threshold.value : DEFAULT_UNABLE_TO_CONTACT_THRESHOLD;
    return { failedAttempts, promptUnableToContact: unableToContactPrompt(failedAttempts, limit) };
  });
}
