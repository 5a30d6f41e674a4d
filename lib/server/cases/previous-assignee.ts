import type { Prisma } from "@/lib/db/prisma";

export const RESTRICTION_CHANGED_ACTION = "case.restriction_changed";

/**
 * The caseworker a case was taken from when it was last marked SCR, if they can still hold it
 * (active, in the organisation, a caseworker): offered back when SCR is cleared
 * (docs/rules/restricted-cases.md "SCR lifecycle"). Read from the restriction change's own audit row.
 */
export async function previousAssigneeOf(db: Pick<Prisma.TransactionClient, "auditEvent" | "user">, caseId: string, organisationId: string) {
  const change = await db.auditEvent.findFirst({
    where: { caseId, action: RESTRICTION_CHANGED_ACTION },
    orderBy: { id: "desc" },
    select: { before: true, after: true },
  });
  const before = change?.before as { assignedCaseworkerId?: unknown } | null | undefined;
  const after = change?.after as { restrictionTier?: unknown } | null | undefined;
  if (after?.restrictionTier !== "scr" || typeof before?.assignedCaseworkerId !== "string") return null;
  return db.user.findFirst({
    where: { id: before.assignedCaseworkerId, organisationId, active: true, roles: { hasSome: ["caseworker", "nominated_officer"] } },
    select: { id: true, name: true, siteId: true },
  });
}
