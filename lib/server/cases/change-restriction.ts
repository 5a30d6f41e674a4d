import type { PrismaClient } from "@/lib/db/prisma";
import { RESTRICTION_TIER_LABELS, type ChangeRestrictionInput } from "@/lib/domain/forms/mappa-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";
import { CASE_FOR_CHANGE_SELECT } from "./case-access";
import { keepContactDetailsInAnnex } from "../mappa/keep-contact-details-in-annex";
import { claimCaseVersion } from "./claim-case-version";
import { findVisibleCase } from "./find-visible-case";

export const RESTRICTION_CHANGED_ACTION = "case.restriction_changed";

/**
 * Set or clear a case's restriction (security.md AC-06): only a nominated officer, always with a
 * reason, audited with who, role, before, after and reason, in the change's transaction (LG-02).
 *
 * Decision (docs/rules/restricted-cases.md): a nominated officer may mark a case MAPPA after intake (13.58: a user marks
 * it; a missing address alone never does), clear the MAPPA marking, and also restrict a case to
 * SCR tier when DWP tells the provider the person has a Special Customer Record — and clear that
 * again. An SL2 clerical case (route scr_clerical) is SCR by its nature (13.52–13.53) and stays
 * SCR. Restricting to SCR unassigns a caseworker who is not a nominated officer, since only
 * nominated officers may then see the case (13.77, 3.43).
 */
export async function changeRestriction(prisma: PrismaClient, actor: UseCaseActor, input: ChangeRestrictionInput, now: Date): Promise<void> {
  assertCan(actor, "update:restricted-case:any");
  await prisma.$transaction(async (tx) => {
    const found = await findVisibleCase(tx, actor, input.caseId, {
      select: {
        ...CASE_FOR_CHANGE_SELECT,
        route: true,
        referralDate: true,
        assignedCaseworker: { select: { id: true, roles: true } },
        claimant: { select: { telephone: true, alternativeTelephone: true, addressLine1: true, addressLine2: true, town: true, postcode: true } },
        mappaAnnex: { select: { id: true, contactTelephone: true, contactAlternativeTelephone: true, contactEmail: true, contactAddress: true } },
      },
      logRefusal: false,
    });
    const refuse = (message: string) => new UseCaseError("INVALID", message, { tier: message });
    if (found.restrictionTier === input.tier) throw refuse(`This case is already “${RESTRICTION_TIER_LABELS[input.tier]}”`);
    if (found.route === "scr_clerical" && input.tier !== "scr") {
      throw refuse("An SL2 clerical referral is a Special Customer Record and stays SCR (13.52–13.53)");
    }
    const unassign = input.tier === "scr" && found.assignedCaseworker !== null && !found.assignedCaseworker.roles.includes("nominated_officer");
    await claimCaseVersion(tx, found.id, input.version, {
      restrictionTier: input.tier,
      mappaMarkedAt: input.tier === "mappa" ? now : null,
      ...(unassign ? { assignedCaseworkerId: null } : {}),
    });
    if (unassign) {
      await tx.caseAssignment.create({ data: { caseId: found.id, caseworkerId: null, assignedById: actor.id, assignedAt: now } });
    }
    if (input.tier === "mappa") await keepContactDetailsInAnnex(tx, actor, found);
    await recordAudit(tx, actor, {
      action: RESTRICTION_CHANGED_ACTION,
      entityType: "Case",
      entityId: found.id,
      caseId: found.id,
      before: { restrictionTier: found.restrictionTier, ...(unassign ? { assignedCaseworkerId: found.assignedCaseworkerId } : {}) },
      after: { restrictionTier: input.tier, ...(unassign ? { assignedCaseworkerId: null } : {}) },
      reason: input.reason,
    });
  });
}

