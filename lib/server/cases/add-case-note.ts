import type { PrismaClient } from "@/lib/db/prisma";
import type { AddCaseNoteInput } from "@/lib/domain/forms/case-work-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findCaseForActor } from "./case-access";

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
