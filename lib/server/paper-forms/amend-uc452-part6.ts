import { isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { AmendUc452Part6Input } from "@/lib/domain/forms/paper-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { findUcCaseForChange } from "./uc-case";

/**
 * 13.21: amend UC452 part 6 (the anticipated start and end dates) with a reason. The form's version
 * goes up, so the amended part is e-mailed again as a new version; every version already sent stays
 * in its snapshot (recordUc452EmailSent). The case's own anticipated dates follow. One transaction,
 * one audit row with the before and after.
 */
export async function amendUc452Part6(prisma: PrismaClient, actor: UseCaseActor, input: AmendUc452Part6Input): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await findUcCaseForChange(tx, actor, input.caseId);
    const form = await tx.uc452Form.findUnique({ where: { caseId_part: { caseId: found.id, part: "part_6" } } });
    if (!form) throw new UseCaseError("INVALID", "Part 6 has not been completed: record the Initial Assessment first (13.21)");
    if (form.version !== input.formVersion) throw new UseCaseError("STALE", STALE_MESSAGE);
    const before = form.fields as Prisma.JsonObject;
    const fields = { ...before, anticipatedStartOn: input.anticipatedStartOn, anticipatedEndOn: input.anticipatedEndOn };
    await tx.uc452Form.update({
      where: { id: form.id },
      data: { fields, amendmentReason: input.reason, completedAt: new Date(), completedById: actor.id, version: { increment: 1 } },
    });
    await tx.case.update({
      where: { id: found.id },
      data: { anticipatedStartOn: isoDateToDb(input.anticipatedStartOn), anticipatedEndOn: isoDateToDb(input.anticipatedEndOn), version: { increment: 1 } },
    });
    await recordAudit(tx, actor, {
      action: "uc452.part6_amended",
      entityType: "uc452_form",
      entityId: form.id,
      caseId: found.id,
      before: { anticipatedStartOn: before.anticipatedStartOn ?? null, anticipatedEndOn: before.anticipatedEndOn ?? null, formVersion: form.version },
      after: { anticipatedStartOn: input.anticipatedStartOn, anticipatedEndOn: input.anticipatedEndOn, formVersion: form.version + 1 },
      reason: input.reason,
    });
  });
}
