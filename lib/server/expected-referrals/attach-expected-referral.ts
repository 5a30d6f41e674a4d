import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";
import { recordAudit } from "../audit/record-audit";
import { seenBy } from "../referrals/prap-referral-rules";
import { UseCaseError } from "../use-case-error";

/**
 * The open expected referrals a newly recorded case may be the PRaP referral for (3.05): the
 * same NINO first, then the same forename and surname with the same date of birth. A referral
 * keyed by hand carries no date of birth, and a call may not have given one: then the name alone
 * is offered, for the caseworker to confirm, unless the two NINOs are both known and differ.
 */
export async function matchingExpectedReferrals(
  db: Pick<PrismaClient, "expectedReferral">,
  actor: UseCaseActor,
  claimant: { nino: string | null; forename: string; surname: string; dateOfBirth?: Date | null },
) {
  const byName: Prisma.ExpectedReferralWhereInput = {
    forename: { equals: claimant.forename, mode: "insensitive" },
    surname: { equals: claimant.surname, mode: "insensitive" },
    AND: [
      ...(claimant.dateOfBirth ? [{ OR: [{ dateOfBirth: claimant.dateOfBirth }, { dateOfBirth: null }] }] : []),
      ...(claimant.nino ? [{ OR: [{ nino: null }, { nino: claimant.nino }] }] : []),
    ],
  };
  const found = await db.expectedReferral.findMany({
    where: { organisationId: actor.organisationId, status: "expected", OR: [...(claimant.nino ? [{ nino: claimant.nino }] : []), byName] },
    orderBy: { calledOn: "asc" },
    take: 5,
    select: { id: true, forename: true, surname: true, nino: true, dateOfBirth: true, calledOn: true, handoverName: true, jobcentre: true },
  });
  const strength = (row: (typeof found)[number]) =>
    claimant.nino && row.nino === claimant.nino ? 0 : claimant.dateOfBirth && row.dateOfBirth && row.dateOfBirth.getTime() === claimant.dateOfBirth.getTime() ? 1 : 2;
  return found
    .map((row) => ({ ...row, matchedBy: (["nino", "name_and_date_of_birth", "name"] as const)[strength(row)] }))
    .sort((a, b) => strength(a) - strength(b));
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
    // A call recorded from a reconciliation row may not say who made it: then there is no contact to bring.
    const known = expected.handoverRole ? await tx.contact.findFirst({ where: { caseId: visible.id, email: expected.handoverEmail }, select: { id: true } }) : null;
    if (expected.handoverRole && !known) {
      await tx.contact.create({
        data: { caseId: visible.id, role: expected.handoverRole, name: expected.handoverName, organisation: expected.jobcentre, phone: expected.handoverPhone, email: expected.handoverEmail },
      });
    }
    await recordAudit(tx, actor, { action: "expected_referral.attached", entityType: "ExpectedReferral", entityId: expected.id, caseId: visible.id });
  });
}
