import type { PrismaClient } from "@/lib/db/prisma";
import type { BulkReassignInput } from "@/lib/domain/forms/bulk-reassign-form";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";
import { caseWhereVisibleTo } from "./case-visibility";
import { siteIdsOfRow, userSitesSelect, worksAtSiteOf } from "../users/user-sites";

export interface BulkReassignResult {
  caseworkerName: string;
  /** References of the cases now assigned to the caseworker. */
  assigned: string[];
  /** Already with that caseworker (a repeat submission): nothing written. */
  unchanged: string[];
  /** Changed by someone else since the list was shown: left as they are, for the user to check. */
  stale: string[];
  /** At a site the caseworker does not work at (docs/decisions/0030-users-with-several-sites.md): left as they are. */
  notAtSite: string[];
}

/** The audit action of one case's reassignment in a bulk step (the single-case form writes "case.assigned"). */
export const BULK_ASSIGNED_ACTION = "case.assigned";

/**
 * Assign several cases to one caseworker in one step (docs/decisions/0017-work-queue-urgency-and-bulk-reassignment.md).
 * One transaction; per case: one CaseAssignment row and one audit row. Each case must still be at the
 * version it was listed at (optimistic concurrency): a case changed since is reported back as stale and
 * left alone, the others are assigned. A case at a site the caseworker does not work at is left alone
 * and reported back too (docs/decisions/0030-users-with-several-sites.md). A case already with the caseworker is unchanged, so submitting
 * twice is harmless. A case the actor cannot see (an SCR case for anyone but a nominated officer, another
 * organisation's, an id that never existed) refuses the whole step as "not found" (AC-01, AC-05), and an
 * SCR case goes to a nominated officer only (13.77, 3.43): otherwise nothing changes.
 */
export async function bulkReassignCases(prisma: PrismaClient, actor: UseCaseActor, input: BulkReassignInput): Promise<BulkReassignResult> {
  assertCan(actor, "assign:case:any");
  return prisma.$transaction(async (tx) => {
    const caseworker = await tx.user.findFirst({
      where: { id: input.caseworkerId, organisationId: actor.organisationId, active: true, roles: { hasSome: ["caseworker", "nominated_officer"] } },
      select: { id: true, name: true, roles: true, ...userSitesSelect },
    });
    if (!caseworker) throw new UseCaseError("INVALID", "Select a caseworker from the list", { caseworkerId: "Select a caseworker from the list" });
    const ids = [...new Set(input.case.map((entry) => entry.caseId))];
    const cases = await tx.case.findMany({
      where: { AND: [{ id: { in: ids } }, caseWhereVisibleTo(actor)] },
      select: { id: true, reference: true, version: true, restrictionTier: true, assignedCaseworkerId: true, siteId: true },
      orderBy: { reference: "asc" },
    });
    if (cases.length !== ids.length) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
    // An SCR case is handled by nominated officers alone (13.77, 3.43).
    if (cases.some((found) => found.restrictionTier === "scr") && !caseworker.roles.includes("nominated_officer")) {
      const message = "Only a nominated officer can hold an SCR case. Choose a nominated officer, or leave the SCR cases out";
      throw new UseCaseError("INVALID", message, { caseworkerId: message });
    }
    const listedVersion = new Map(input.case.map((entry) => [entry.caseId, entry.version]));
    const result: BulkReassignResult = { caseworkerName: caseworker.name, assigned: [], unchanged: [], stale: [], notAtSite: [] };
    const held = siteIdsOfRow(caseworker);
    for (const found of cases) {
      if (found.assignedCaseworkerId === caseworker.id) {
        result.unchanged.push(found.reference);
        continue;
      }
      if (!worksAtSiteOf(held, found)) {
        result.notAtSite.push(found.reference);
        continue;
      }
      const claimed = await tx.case.updateMany({
        where: { id: found.id, version: listedVersion.get(found.id) },
        data: { assignedCaseworkerId: caseworker.id, version: { increment: 1 } },
      });
      if (claimed.count === 0) {
        result.stale.push(found.reference);
        continue;
      }
      await tx.caseAssignment.create({ data: { caseId: found.id, caseworkerId: caseworker.id, assignedById: actor.id } });
      await recordAudit(tx, actor, {
        action: BULK_ASSIGNED_ACTION,
        entityType: "Case",
        entityId: found.id,
        caseId: found.id,
        before: { assignedCaseworkerId: found.assignedCaseworkerId },
        after: { assignedCaseworkerId: caseworker.id, bulk: true },
      });
      result.assigned.push(found.reference);
    }
    return result;
  });
}
