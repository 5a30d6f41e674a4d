import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RecordStrandReferralInput } from "@/lib/domain/forms/strand-referral-form";
import { regimeOfPurchaseOrder } from "@/lib/domain/identifiers";
import { awaitsStrandReferral, hasStrandReferral, isTwoStage } from "@/lib/domain/lifecycle/strand-referral";
import { recordAudit } from "../audit/record-audit";
import { refuseDateBefore, refuseFutureDate } from "../refuse-business-date";
import { findCaseForActor } from "../cases/case-access";
import { claimCaseVersion } from "../cases/claim-case-version";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { UseCaseError } from "../use-case-error";

/**
 * Record JCP's second PRaP referral, to the recommended strand (13.25–13.27). Only on the UC
 * two-stage route, once the Initial Assessment has recommended a strand, and only once: the
 * provider then accepts it (the lifecycle action "accept_strand_referral").
 */
export async function recordStrandReferral(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: RecordStrandReferralInput,
  clock: { today: IsoDate; now: Date },
): Promise<void> {
  assertCan(actor, "update:case:any");
  const refuse = (message: string, field = "purchaseOrderNumber") => new UseCaseError("INVALID", message, { [field]: message });
  try {
    await prisma.$transaction(async (tx) => {
      const found = await findCaseForActor(tx, actor, input.caseId);
      const details = await tx.case.findUniqueOrThrow({
        where: { id: found.id },
        select: { route: true, ruleset: true, strand: true, prapReferrals: { select: { provision: true, regime: true, referralDate: true } } },
      });
      if (!isTwoStage(details) || found.restrictionTier === "scr") {
        throw refuse("Only a Universal Credit two-stage referral has a second, strand referral (13.25)");
      }
      const strandReferralRecorded = hasStrandReferral(details.prapReferrals.map((referral) => referral.provision));
      if (strandReferralRecorded) throw refuse("The strand referral has already been recorded for this case");
      const facts = { ...found, route: details.route, ruleset: details.ruleset, strand: details.strand, hasStrandReferral: strandReferralRecorded };
      if (!awaitsStrandReferral(facts) || !details.strand) {
        throw refuse("Record the Initial Assessment outcome (recommended, with a strand) before the strand referral (13.21, 13.25)");
      }
      const first = details.prapReferrals.find((referral) => referral.provision === "ia_opportunity");
      const regime = regimeOfPurchaseOrder(input.purchaseOrderNumber);
      if (first && first.regime !== regime) {
        throw refuse(`The purchase order number must start with ${first.regime === "uc" ? "2 (Universal Credit)" : "1 (other benefits)"}, like the first referral (13.16)`);
      }
      if (first) {
        refuseDateBefore("referralDate", "The date of the strand referral", input.referralDate, isoDateFromDb(first.referralDate), "the date of the Initial Assessment referral");
      }
      refuseFutureDate("referralDate", "The date of the strand referral", input.referralDate, clock.today);

      await claimCaseVersion(tx, found.id, input.version);
      const referral = await tx.prapReferral.create({
        data: {
          caseId: found.id,
          purchaseOrderNumber: input.purchaseOrderNumber,
          referralId: input.referralId,
          provisionId: input.provisionId,
          provision: details.strand,
          regime,
          referralDate: isoDateToDb(input.referralDate),
          receivedAt: clock.now,
        },
      });
      await recordAudit(tx, actor, {
        action: "prap_referral.received",
        entityType: "PrapReferral",
        entityId: referral.id,
        caseId: found.id,
        after: { purchaseOrderNumber: input.purchaseOrderNumber, provision: details.strand },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new UseCaseError("CONFLICT", "That purchase order number or referral ID is already recorded", {
        purchaseOrderNumber: "That purchase order number or referral ID is already recorded",
      });
    }
    throw error;
  }
}
