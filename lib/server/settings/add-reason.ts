import type { PrismaClient } from "@/lib/db/prisma";
import type { AddReasonInput } from "@/lib/domain/forms/settings-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { refuseField } from "../use-case-error";

/** A code from the wording: lower case, words joined by underscores (unique within its list). */
function codeFrom(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 50) || "reason";
}

/**
 * Add an entry to a reason list (docs/rules/reasons-and-settings.md), after the list's existing
 * entries, with the PRaP label it maps to for the lists PRaP records. The same wording twice in
 * one list is refused, so a repeat submission adds nothing new.
 */
export async function addReason(prisma: PrismaClient, actor: UseCaseActor, input: AddReasonInput): Promise<void> {
  assertCan(actor, "manage:settings:any");
  await prisma.$transaction(async (tx) => {
    const list = await tx.reason.findMany({ where: { kind: input.kind }, select: { code: true, label: true, sortOrder: true } });
    if (list.some((reason) => reason.label.toLowerCase() === input.label.toLowerCase())) refuseField("label", "That reason is already in the list");
    const base = codeFrom(input.label);
    let code = base;
    for (let n = 2; list.some((reason) => reason.code === code); n++) code = `${base}_${n}`;
    const sortOrder = list.reduce((max, reason) => Math.max(max, reason.sortOrder), 0) + 10;
    const reason = await tx.reason.create({ data: { kind: input.kind, code, label: input.label, prapLabel: input.prapLabel, sortOrder } });
    await recordAudit(tx, actor, { action: "reason.added", entityType: "Reason", entityId: reason.id, after: { kind: input.kind, code, label: input.label, prapLabel: input.prapLabel } });
  });
}
