import { todayInLondon } from "@/lib/calendar/iso-date";
import type { PrismaClient } from "@/lib/db/prisma";
import { RESTRICTION_TIER_LABELS, type ChangeRestrictionInput } from "@/lib/domain/forms/mappa-forms";
import { SCR_UNASSIGNED_NOTICE, scrTakesCaseFrom, scrUnassignedNotice } from "@/lib/domain/scr/scr-unassignment";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";
import { CASE_FOR_CHANGE_SELECT } from "./case-access";
import { keepContactDetailsInAnnex } from "../mappa/keep-contact-details-in-annex";
import { claimCaseVersion } from "./claim-case-version";
import { findVisibleCase } from "./find-visible-case";
import { previousAssigneeOf, RESTRICTION_CHANGED_ACTION } from "./previous-assignee";

export { RESTRICTION_CHANGED_ACTION };

/**
 * Set or clear a case's restriction (security.md AC-06): only a nominated officer, always with a
 * reason, audited with who, role, before, after and reason, in the change's transaction (LG-02).
 *
 * Decision (docs/rules/restricted-cases.md): a nominated officer may mark a case MAPPA after intake (13.58: a user marks
 * it; a missing address alone never does), clear the MAPPA marking, and also restrict a case to
 * SCR tier when DWP tells the provider the person has a Special Customer Record — and clear that
 * again. An SL2 clerical case (route scr_clerical) is SCR by its nature (13.52–13.53) and stays
 * SCR.
 *
 * SCR lifecycle (docs/rules/restricted-cases.md "SCR lifecycle"): restricting to SCR unassigns a
 * caseworker who is not a nominated officer, since only nominated officers may then see the case
 * (13.77, 3.43); the unassignment goes in the timeline and the caseworker's manager gets a notice
 * that names no case. Clearing SCR can give the case back to that caseworker (`restoreAssignee`).
 */
export async function changeRestriction(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: Omit<ChangeRestrictionInput, "restoreAssignee"> & { restoreAssignee?: boolean },
  now: Date,
): Promise<void> {
  assertCan(actor, "update:restricted-case:any");
  await prisma.$transaction(async (tx) => {
    const found = await findVisibleCase(tx, actor, input.caseId, {
      select: {
        ...CASE_FOR_CHANGE_SELECT,
        route: true,
        referralDate: true,
        assignedCaseworker: { select: { id: true, name: true, roles: true, siteId: true } },
        claimant: { select: { telephone: true, alternativeTelephone: true, addressLine1: true, addressLine2: true, town: true, postcode: true } },
        mappaAnnex: { select: { id: true, contactTelephone: true, contactAlternativeTelephone: true, contactEmail: true, contactAddress: true } },
      },
      logRefusal: false,
    });
    const refuse = (message: string, field = "tier") => new UseCaseError("INVALID", message, { [field]: message });
    if (found.restrictionTier === input.tier) throw refuse(`This case is already “${RESTRICTION_TIER_LABELS[input.tier]}”`);
    if (found.route === "scr_clerical" && input.tier !== "scr") {
      throw refuse("An SL2 clerical referral is a Special Customer Record and stays SCR (13.52–13.53)");
    }
    const previous = found.assignedCaseworker;
    const unassign = input.tier === "scr" && scrTakesCaseFrom(previous);
    const restore = input.restoreAssignee && found.restrictionTier === "scr" && input.tier !== "scr" && found.assignedCaseworkerId === null
      ? await previousAssigneeOf(tx, found.id, actor.organisationId)
      : null;
    if (input.restoreAssignee && restore === null) {
      throw refuse("There is no caseworker to give the case back to: assign it from the case page instead", "restoreAssignee");
    }
    await claimCaseVersion(tx, found.id, input.version, {
      restrictionTier: input.tier,
      mappaMarkedAt: input.tier === "mappa" ? now : null,
      ...(unassign ? { assignedCaseworkerId: null } : {}),
      ...(restore ? { assignedCaseworkerId: restore.id } : {}),
    });
    if (input.tier === "mappa") await keepContactDetailsInAnnex(tx, actor, found);
    await recordAudit(tx, actor, {
      action: RESTRICTION_CHANGED_ACTION,
      entityType: "Case",
      entityId: found.id,
      caseId: found.id,
      before: { restrictionTier: found.restrictionTier, ...(unassign ? { assignedCaseworkerId: found.assignedCaseworkerId } : {}) },
      after: { restrictionTier: input.tier, ...(unassign ? { assignedCaseworkerId: null } : {}), ...(restore ? { assignedCaseworkerId: restore.id } : {}) },
      reason: input.reason,
    });
    if (unassign && previous) {
      // The unassignment in the case's own timeline, as any unassignment is (13.77, 3.43).
      await tx.caseAssignment.create({ data: { caseId: found.id, caseworkerId: null, assignedById: actor.id, assignedAt: now } });
      await recordAudit(tx, actor, {
        action: "case.unassigned",
        entityType: "Case",
        entityId: found.id,
        caseId: found.id,
        before: { assignedCaseworkerId: previous.id },
        after: { assignedCaseworkerId: null },
        reason: "Marked SCR: only a nominated officer may hold an SCR case (13.77, 3.43)",
      });
      await tx.staffNotice.create({
        data: {
          organisationId: actor.organisationId,
          siteId: previous.siteId,
          aboutUserId: previous.id,
          kind: SCR_UNASSIGNED_NOTICE,
          message: scrUnassignedNotice(previous.name, todayInLondon(now)),
          createdAt: now,
        },
      });
    }
    if (restore) {
      await tx.caseAssignment.create({ data: { caseId: found.id, caseworkerId: restore.id, assignedById: actor.id, assignedAt: now } });
      await recordAudit(tx, actor, {
        action: "case.assigned",
        entityType: "Case",
        entityId: found.id,
        caseId: found.id,
        before: { assignedCaseworkerId: null },
        after: { assignedCaseworkerId: restore.id },
        reason: "SCR cleared: given back to the caseworker it was taken from",
      });
    }
  });
}

