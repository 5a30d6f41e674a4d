import type { PrismaClient } from "@/lib/db/prisma";
import { recordRestrictedRead } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";

export interface RecordedCase {
  caseId: string;
  reference: string;
  kind: "referral" | "introduction";
}

/** The audit action of the confirmation read when the new case is restricted (LG-01). */
export const RECORDED_CONFIRMATION_READ_ACTION = "case.recorded_confirmation_read";

/**
 * The confirmation after an intake: the new case's reference, told to the user who recorded it —
 * and only to them (createdById), whatever the case's restriction. Every intake ends here, so a
 * case opened restricted as a possible duplicate of an SCR case (find-hidden-scr-case.ts) answers
 * its recorder exactly as any new case does (docs/security.md AC-02). Nothing but the reference
 * and whether it was a referral or an introduction is read. For anyone else: NOT_FOUND.
 */
export async function getRecordedCase(prisma: PrismaClient, actor: UseCaseActor, caseId: string): Promise<RecordedCase> {
  assertCan(actor, "create:referral:any");
  const row = /^[0-9a-f-]{36}$/i.test(caseId)
    ? await prisma.case.findFirst({
        where: { id: caseId, organisationId: actor.organisationId, createdById: actor.id },
        select: { id: true, reference: true, route: true, restrictionTier: true },
      })
    : null;
  if (!row) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  await recordRestrictedRead(prisma, actor, row, RECORDED_CONFIRMATION_READ_ACTION);
  return { caseId: row.id, reference: row.reference, kind: row.route === "sro_introduction" ? "introduction" : "referral" };
}
