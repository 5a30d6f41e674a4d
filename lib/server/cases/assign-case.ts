import type { PrismaClient } from "@/lib/db/prisma";
import type { AssignCaseInput } from "@/lib/domain/forms/case-work-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";
import { findCaseForActor } from "./case-access";
import { assignableAtSiteOf } from "./list-assignable-caseworkers";
import { claimCaseVersion } from "./claim-case-version";

/** Assign or unassign a caseworker; history is kept in CaseAssignment, one row per change. */
export async function assignCase(prisma: PrismaClient, actor: UseCaseActor, input: AssignCaseInput): Promise<void> {
  assertCan(actor, "update:case:any");
  await prisma.$transaction(async (tx) => {
    const found = await findCaseForActor(tx, actor, input.caseId);
    if (input.caseworkerId) {
      const caseworker = await tx.user.findFirst({
        where: { id: input.caseworkerId, organisationId: actor.organisationId, active: true, roles: { hasSome: ["caseworker", "nominated_officer"] } },
        select: { id: true, roles: true },
      });
      if (!caseworker) throw new UseCaseError("INVALID", "Select a caseworker from the list", { caseworkerId: "Select a caseworker from the list" });
      // The case's site's caseworkers (docs/decisions/0030-users-with-several-sites.md); the one it is with may stay.
      const atSite = await tx.user.count({ where: { AND: [{ id: caseworker.id }, assignableAtSiteOf(found)] } });
      if (atSite === 0 && found.assignedCaseworkerId !== caseworker.id) {
        const message = "Select a caseworker who works at the case’s site";
        throw new UseCaseError("INVALID", message, { caseworkerId: message });
      }
      // An SCR case is handled by nominated officers alone (13.77, 3.43).
      if (found.restrictionTier === "scr" && !caseworker.roles.includes("nominated_officer")) {
        throw new UseCaseError("INVALID", "Only a nominated officer can hold an SCR case", { caseworkerId: "Only a nominated officer can hold an SCR case" });
      }
    }
    if (found.assignedCaseworkerId === input.caseworkerId) return; // a repeat submission changes nothing
    await claimCaseVersion(tx, found.id, input.version, { assignedCaseworkerId: input.caseworkerId });
    await tx.caseAssignment.create({ data: { caseId: found.id, caseworkerId: input.caseworkerId, assignedById: actor.id } });
    await recordAudit(tx, actor, {
      action: input.caseworkerId ? "case.assigned" : "case.unassigned",
      entityType: "Case",
      entityId: found.id,
      caseId: found.id,
      before: { assignedCaseworkerId: found.assignedCaseworkerId },
      after: { assignedCaseworkerId: input.caseworkerId },
    });
  });
}
