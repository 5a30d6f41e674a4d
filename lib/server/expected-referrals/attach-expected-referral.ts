import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";
import { recordAudit } from "../audit/record-audit";
import { seenBy } from "../referrals/prap-referral-rules";
import { UseCaseError } from "../use-case-error";

/**
 * The open expected referrals a newly recorded case may be the PRaP referral for (3.05): the
 * same NINO, else the same forename and surname (the referral carries no date of birth to compare).
 */
export async function matchingExpectedReferrals(db: Pick<PrismaClient, "expectedReferral">, actor: UseCaseActor, claimant: { nino: string | null; forename: string; surname: string }) {
  const byName: Prisma.ExpectedReferralWhereInput = {
    forename: { equals: claimant.forename, mode: "insensitive" },
    surname: { equals: claimant.surname, mode: "insensitive" },
  };
  return db.expectedReferral.findMany({
    where: { organisationId: actor.organisationId, status: "expected", OR: [...(claimant.nino ? [{ nino: claimant.nino }] : []), byName] },
    orderBy: { calledOn: "asc" },
    take: 5,
    select: { id: true, forename: true, surname: true, nino: true, calledOn: true, handoverName: true, jobcentre: true },
  });
}

/**
 * Attach an expected referral to the case its PRaP referral opened: it leaves the expected list,
 * and the DEA/Work Coach from the call becomes a contact of the case unless it already is one.
 */
export async function attachExpectedReferral(prisma: PrismaClient, actor: UseCaseActor, input: { expectedReferralId: string; caseId: string }): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    // The cases the actor may see or recorded themselves: the intake's confirmation offers the
    // attachment for either, so a case opened restricted answers exactly as any other (AC-02).
    const visible = await tx.case.findFirst({ where: { AND: [{ id: input.caseId }, seenBy(actor)] }, select: { id: true } });
    if (!visible) throw new UseCaseError("NOT_FOUND", "That record could not be found.");
    const expected = await tx.expectedReferral.findFirst({ where: { id: input.expectedReferralId, organisationId: actor.organisationId } });
    if (!expected) throw new UseCaseError("NOT_FOUND", "That record could not be found.");
    if (expected.status === "attached" && expected.caseId === visible.id) return;
    const claimed = await tx.expectedReferral.updateMany({
      where: { id: expected.id, status: "expected" },
      data: { status: "attached", caseId: visible.id, version: { increment: 1 } },
    });
    if (claimed.count === 0) throw new UseCaseError("INVALID", "This expected referral has already been attached or closed");
    const known = await tx.contact.findFirst({ where: { caseId: visible.id, email: expected.handoverEmail }, select: { id: true } });
    if (!known) {
      await tx.contact.create({
        data: { caseId: visible.id, role: expected.handoverRole, name: expected.handoverName, organisation: expected.jobcentre, phone: expected.handoverPhone, email: expected.handoverEmail },
      });
    }
    await recordAudit(tx, actor, { action: "expected_referral.attached", entityType: "ExpectedReferral", entityId: expected.id, caseId: visible.id });
  });
}
