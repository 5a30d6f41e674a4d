import type { PrismaClient } from "@/lib/db/prisma";
import { EXPECTED_REFERRAL_CLOSE_REASONS } from "@/lib/domain/forms/expected-referral-forms";
import { assertCan, type UseCaseActor } from "../assert-can";
import { recordAudit } from "../audit/record-audit";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";

/** Close an expected (or missing) referral with a reason: the customer changed their mind, was referred elsewhere… */
export async function closeExpectedReferral(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: { expectedReferralId: string; version: number; reason: string; note: string | null },
  now: Date = new Date(),
): Promise<void> {
  assertCan(actor, "update:case:any");
  const label = EXPECTED_REFERRAL_CLOSE_REASONS.find((reason) => reason.value === input.reason)?.text ?? input.reason;
  const closedReason = input.note ? `${label}: ${input.note}` : label;
  await prisma.$transaction(async (tx) => {
    const found = await tx.expectedReferral.findFirst({ where: { id: input.expectedReferralId, organisationId: actor.organisationId }, select: { id: true, status: true } });
    if (!found) throw new UseCaseError("NOT_FOUND", "That record could not be found.");
    const claimed = await tx.expectedReferral.updateMany({
      where: { id: found.id, version: input.version, status: "expected" },
      data: { status: "closed", closedReason, closedAt: now, version: { increment: 1 } },
    });
    if (claimed.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
    await recordAudit(tx, actor, { action: "expected_referral.closed", entityType: "ExpectedReferral", entityId: found.id, after: { reason: input.reason }, reason: input.note });
  });
}
