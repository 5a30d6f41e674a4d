import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordExpectedReferralInput } from "@/lib/domain/forms/expected-referral-forms";
import { assertCan, type UseCaseActor } from "../assert-can";
import { recordAudit } from "../audit/record-audit";
import { requireOpenSite } from "../sites/require-open-site";

/**
 * A Warm Handover call with no PRaP referral yet (3.05): recorded as an expected referral, in one
 * transaction with its audit row (docs/decisions/0023-bulk-import-and-expected-referrals.md).
 */
export async function recordExpectedReferral(prisma: PrismaClient, actor: UseCaseActor, input: RecordExpectedReferralInput): Promise<{ id: string }> {
  assertCan(actor, "create:referral:any");
  await requireOpenSite(prisma, actor, input.siteId);
  return prisma.$transaction(async (tx) => {
    const created = await tx.expectedReferral.create({
      data: {
        organisationId: actor.organisationId,
        siteId: input.siteId,
        handoverRole: input.handoverRole,
        handoverName: input.handoverName,
        handoverPhone: input.handoverPhone as string,
        handoverEmail: input.handoverEmail,
        jobcentre: input.jobcentre,
        forename: input.forename,
        surname: input.surname,
        nino: input.nino,
        dateOfBirth: input.dateOfBirth ? isoDateToDb(input.dateOfBirth) : null,
        calledOn: isoDateToDb(input.calledOn),
        calledAt: input.calledAt,
        notes: input.notes,
        status: "expected",
        createdById: actor.id,
      },
      select: { id: true },
    });
    // Ids and codes only, never personal data (docs/security.md LG-05).
    await recordAudit(tx, actor, { action: "expected_referral.recorded", entityType: "ExpectedReferral", entityId: created.id, after: { siteId: input.siteId, calledOn: input.calledOn } });
    return created;
  });
}
