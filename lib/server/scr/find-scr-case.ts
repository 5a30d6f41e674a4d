import { recordSecurityEvent } from "../audit/record-security-event";
import type { Prisma } from "@/lib/db/prisma";
import { can } from "@/lib/domain/permissions";
import type { UseCaseActor } from "../assert-can";
import { findVisibleCase, type FindVisibleCaseOptions, type VisibleCase } from "../cases/find-visible-case";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";

/**
 * The SCR case behind an SL2 use-case, or "not found". An SCR case exists only for nominated
 * officers (13.77, 3.43; docs/security.md AC-01): anyone else — a caseworker, a manager — gets
 * exactly the answer an id that never existed gets, NOT_FOUND, never FORBIDDEN (which would
 * confirm the id), and is turned away before the case is looked up (the refusal itself is logged, LG-03). A nominated officer asking
 * about a case that is not an SCR case gets NOT_FOUND too: it has no SL2.
 */
export async function findScrCaseForOfficer<Select extends Prisma.CaseSelect>(
  db: Pick<Prisma.TransactionClient, "case" | "auditEvent">,
  actor: UseCaseActor,
  caseId: string,
  options: FindVisibleCaseOptions<Select>,
): Promise<VisibleCase<Select>> {
  if (!can(actor.roles, "read:restricted-case:any")) {
    // Refused as any invisible id is, and logged as such (LG-03) unless inside a write's transaction.
    if (options.logRefusal ?? true) {
      await recordSecurityEvent(db, actor, { action: "case_not_found", entityType: "Case", entityId: caseId.slice(0, 100) });
    }
    throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  }
  const found = await findVisibleCase(db, actor, caseId, options);
  if (found.restrictionTier !== "scr") throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return found;
}
