import { todayInLondon } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { provisionFor } from "@/lib/domain/forms/referral-intake";
import type { JcpReferralInput } from "@/lib/domain/forms/sro-introduction-forms";
import { regimeOfPurchaseOrder } from "@/lib/domain/identifiers";
import { deriveRuleset } from "@/lib/domain/lifecycle/rulesets";
import { claimCaseVersion } from "../cases/claim-case-version";
import { recomputeCaseDueDates } from "../cases/recompute-case-due-dates";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { createPrapReferral } from "../referrals/create-prap-referral";
import { refuseDuplicates } from "../referrals/prap-referral-rules";
import { UseCaseError } from "../use-case-error";
import { checkIntroductionStep, findIntroductionForActor, type SroClock } from "./introduction-step";
import { recordTransitionAudit } from "../cases/lifecycle/record-transition-audit";

/** The 2016 strand referral posted with JCP's referral (13.49); INVALID with field errors when incomplete. */
function strandReferralOf(input: JcpReferralInput, regime: "uc" | "non_uc") {
  const missing: Record<string, string> = {};
  if (!input.strand) missing.strand = "Select the strand JCP referred them to (13.49)";
  if (!input.strandPurchaseOrderNumber) missing.strandPurchaseOrderNumber = "Enter the purchase order number of the strand referral (13.49)";
  if (!input.strandReferralId) missing.strandReferralId = "Enter the referral ID of the strand referral";
  if (!input.strandProvisionId) missing.strandProvisionId = "Enter the provision ID of the strand referral";
  if (input.strandPurchaseOrderNumber && regimeOfPurchaseOrder(input.strandPurchaseOrderNumber) !== regime) {
    missing.strandPurchaseOrderNumber = `The strand referral's purchase order number must start with ${regime === "uc" ? "2 (Universal Credit)" : "1 (other benefits)"}, like the Initial Assessment referral (13.16)`;
  }
  if (input.strandPurchaseOrderNumber === input.purchaseOrderNumber || input.strandReferralId === input.referralId) {
    missing.strandPurchaseOrderNumber = "The strand referral has its own purchase order number and referral ID, different from the Initial Assessment referral's";
  }
  const first = Object.values(missing)[0];
  if (first) throw new UseCaseError("INVALID", "JCP refers a 2016 introduction to both the Initial Assessment and the strand: record both referrals (13.49)", missing);
  return {
    provision: input.strand!,
    purchaseOrderNumber: input.strandPurchaseOrderNumber!,
    referralId: input.strandReferralId!,
    provisionId: input.strandProvisionId!,
  };
}

/**
 * JCP's PRaP referral of an accepted introduction (13.49, 3.27): it attaches to THIS case — no
 * new case — and the case becomes "referred", then follows its ruleset's PRaP process "in the
 * standard way" (lib/domain/lifecycle/snapshot.ts lifecycleRouteOf). Validated like the
 * PRaP intake (purchase order shape; duplicate purchase order or referral ID refused, naming the
 * case only if the actor may see it). The ruleset then follows the referral's date and purchase
 * order like every PRaP referral (deriveRuleset; 13.06, 13.16, 3.01; docs/rules/rulesets.md): a
 * 2016 UC referral runs the two-stage process, anything else the single one; the referral is to
 * the Initial Assessment opportunity (Ch13) or SES P2 National (Ch3), as the intake's provisionFor().
 * Ch13 (13.49): JCP refers to both the Initial Assessment and the strand, so both referrals are
 * attached here and the duplicate Initial Assessment steps are skipped (the case goes to
 * "recommended", awaiting acceptance of the strand referral); Ch3 attaches the single referral (3.27).
 * Only after the SESSRO1 copy has been logged as sent by secure post: JCP refers "upon receiving
 * the form" (13.49, 3.27).
 */
export async function recordJcpReferral(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: JcpReferralInput,
  clock: SroClock = { today: todayInLondon(new Date()), now: new Date() },
): Promise<void> {
  assertCan(actor, "update:case:any");
  try {
    await prisma.$transaction(async (tx) => {
      const { found, form } = await findIntroductionForActor(tx, actor, input.caseId, input.version);
      // The referral's date and purchase order settle the ruleset (docs/rules/rulesets.md), and so
      // which process the introduction joins: two-stage (13.49) or single (3.27).
      const regime = regimeOfPurchaseOrder(input.purchaseOrderNumber);
      const { ruleset, route: prapRoute } = deriveRuleset(input.referralDate, regime);
      const check = await checkIntroductionStep(tx, found.id, "record_jcp_referral", { referralDate: input.referralDate }, clock, "referralDate", (snapshot) => ({
        ...snapshot,
        ruleset,
      }));
      const posted = await tx.securePostLog.count({ where: { caseId: found.id, document: "sessro1_copy", direction: "sent" } });
      if (posted === 0 || form.spocNotifiedOn === null) {
        throw new UseCaseError("INVALID", "Log the SESSRO1 copy sent to the JCP SPoC by secure post, and the SPoC notified, first: JCP refers once it has the form (13.48, 13.49)");
      }
      if (form.firstMetOn && input.referralDate < form.firstMetOn.toISOString().slice(0, 10)) {
        const message = "The referral date must be on or after the first meeting, when the introduction was accepted";
        throw new UseCaseError("INVALID", message, { referralDate: message });
      }
      await refuseDuplicates(tx, actor, input);
      const provision = provisionFor(prapRoute);
      // 13.49: a 2016 introduction is referred to both the Initial Assessment and the strand.
      const strandReferral = prapRoute === "prap_two_stage" ? strandReferralOf(input, regime) : null;
      if (strandReferral) {
        await refuseDuplicates(tx, actor, { purchaseOrderNumber: strandReferral.purchaseOrderNumber, referralId: strandReferral.referralId });
      }
      await claimCaseVersion(tx, found.id, input.version, {
        state: check.to,
        ruleset,
        referralDate: isoDateToDb(input.referralDate),
        referralReceivedOn: isoDateToDb(input.referralReceivedOn),
        ...(strandReferral ? { strand: strandReferral.provision } : {}),
      });
      const referral = await createPrapReferral(tx, found.id, { ...input, provision, regime }, clock);
      if (strandReferral) {
        // The Initial Assessment was held at the first meeting: the IA referral is acknowledged
        // with no duplicate step, and the strand referral awaits acceptance (13.26–13.27, 13.49).
        await tx.prapReferral.update({ where: { id: referral.id }, data: { status: "acknowledged", statusChangedAt: clock.now } });
        await createPrapReferral(tx, found.id, { ...input, ...strandReferral, regime }, clock);
      }
      await recomputeCaseDueDates(tx, found.id);
      await recordTransitionAudit(tx, actor, found.id, check, {
        before: { ruleset: found.ruleset },
        after: {
          ruleset,
          prapReferralId: referral.id,
          purchaseOrderNumber: input.purchaseOrderNumber,
          provision,
          regime,
          referralDate: input.referralDate,
          ...(strandReferral ? { strand: strandReferral.provision, strandPurchaseOrderNumber: strandReferral.purchaseOrderNumber } : {}),
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const message = "That purchase order number or referral ID is already recorded";
      throw new UseCaseError("CONFLICT", message, { purchaseOrderNumber: message });
    }
    throw error;
  }
}
