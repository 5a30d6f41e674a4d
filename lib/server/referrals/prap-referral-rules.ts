import type { Prisma } from "@/lib/db/prisma";
import type { ReferralIntakeInput } from "@/lib/domain/forms/referral-intake";
import { formatNino } from "@/lib/domain/identifiers";
import type { UseCaseActor } from "../assert-can";
import { caseWhereVisibleTo } from "../cases/case-visibility";
import { onCase, visibleReferences } from "../cases/visible-references";
import { UseCaseError } from "../use-case-error";

type Tx = Prisma.TransactionClient;

/**
 * The rules a new PRaP referral meets before it is recorded (docs/rules/routes.md), for the
 * intake and for JCP's referral of an accepted SRO introduction (13.49).
 *
 * Duplicates: the purchase order number and the referral ID are unique (one PrapReferral per
 * purchase order), so a second referral — or a double submit — is refused with CONFLICT naming
 * the case that holds it, unless the actor may not see that case (an SCR case for anyone but a
 * nominated officer): then it is "already recorded", unnamed. Two submissions of the same
 * referral at once queue on a transaction lock per purchase order number and per referral ID,
 * so the second one checks after the first has committed and is told the first one's case.
 */
export async function refuseDuplicates(
  tx: Tx,
  actor: UseCaseActor,
  referral: { purchaseOrderNumber: string; referralId: string },
): Promise<void> {
  const { purchaseOrderNumber, referralId } = referral;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`prap-referral:purchase-order:${purchaseOrderNumber}`}))`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`prap-referral:referral-id:${referralId}`}))`;
  const existing = await tx.prapReferral.findMany({
    where: { OR: [{ purchaseOrderNumber }, { referralId }] },
    select: { purchaseOrderNumber: true, referralId: true, caseId: true },
  });
  if (existing.length === 0) return;
  const references = await visibleReferences(tx, actor, existing.map((row) => row.caseId));
  const fieldErrors: Record<string, string> = {};
  const byPurchaseOrder = existing.find((row) => row.purchaseOrderNumber === purchaseOrderNumber);
  if (byPurchaseOrder) {
    fieldErrors.purchaseOrderNumber = `Purchase order ${purchaseOrderNumber} is already recorded${onCase(references.get(byPurchaseOrder.caseId))}`;
  }
  const byReferralId = existing.find((row) => row.referralId === referralId);
  if (byReferralId) {
    fieldErrors.referralId = `Referral ID ${referralId} is already recorded${onCase(references.get(byReferralId.caseId))}`;
  }
  throw new UseCaseError("CONFLICT", Object.values(fieldErrors)[0], fieldErrors);
}

/**
 * Re-referral: there are no re-referrals (13.39, 3.18), but the guidance is silent on what to do
 * when one arrives; docs/rules/decisions.md: a warning needing a justification, never a silent
 * block. So a NINO that already has a case in the organisation is refused once with a field error
 * asking why; the same post with a justification goes ahead, and the earlier case's id is returned
 * for the audit row (13.46).
 *
 * Only cases the actor may see count (caseWhereVisibleTo): an SCR case is invisible to a
 * caseworker, so its NINO behaves exactly as an unknown one — no "already recorded" that would
 * confirm the person exists, and no SCR case id in the audit row (docs/security.md AC-02). The
 * intake opens such a case restricted instead (find-hidden-scr-case.ts).
 */
export async function refuseUnjustifiedReReferral(tx: Tx, actor: UseCaseActor, input: ReferralIntakeInput): Promise<string | null> {
  const earlier = await tx.case.findFirst({
    where: { AND: [seenBy(actor), { claimant: { nino: input.claimant.nino } }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, reference: true },
  });
  if (!earlier) return null;
  if (input.reReferralJustification) return earlier.id;
  const message =
    `National Insurance number ${formatNino(input.claimant.nino)} is already recorded${onCase(earlier.reference)}. ` +
    "SES is voluntary and there are no re-referrals (13.39, 3.18): explain why this referral should be recorded";
  throw new UseCaseError("INVALID", message, { reReferralJustification: message });
}

/**
 * The cases an intake may tell this actor about: those they may see, and those they recorded
 * themselves (they were told its reference when they recorded it, even if it opened restricted as
 * a possible SCR duplicate), so a second intake of the same person answers the same either way.
 */
export function seenBy(actor: UseCaseActor): Prisma.CaseWhereInput {
  return { OR: [caseWhereVisibleTo(actor), { organisationId: actor.organisationId, createdById: actor.id }] };
}
