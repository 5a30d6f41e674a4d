import type { Prisma } from "@/lib/db/prisma";
import { redactMappaContact } from "@/lib/domain/restricted/mappa-contact";
import { recordRestrictedRead } from "../audit/record-audit";
import { recordSecurityEvent } from "../audit/record-security-event";
import type { UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";
import { caseWhereVisibleTo } from "./case-visibility";

type CaseReader = Pick<Prisma.TransactionClient, "case" | "auditEvent">;

/** What every caller gets besides its own select: the id, and the tier the restricted-read rule reads. */
const ALWAYS_SELECTED = { id: true, restrictionTier: true } as const;

export type VisibleCase<Select extends Prisma.CaseSelect> = Prisma.CaseGetPayload<{ select: Select }> &
  Prisma.CaseGetPayload<{ select: typeof ALWAYS_SELECTED }>;

export interface FindVisibleCaseOptions<Select extends Prisma.CaseSelect> {
  /** Only what the caller needs (AC-04: a DTO is built from it, never the row itself). */
  select: Select;
  /**
   * The audit action of this read, written when the case is restricted (docs/security.md LG-01);
   * leave it out when the caller writes its read later (after checks of its own) or not at all.
   */
  restrictedRead?: string | null;
  /**
   * A refused read is a security event keyed by the id asked for, listed in the case's access log
   * (LG-03). Inside a use-case's transaction the event would roll back with the refused change,
   * so write use-cases pass false.
   */
  logRefusal?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * THE way to load one case for an actor: through the visibility rule (caseWhereVisibleTo), so a
 * malformed id, an id that never existed and a case this actor may not see (an SCR case for anyone
 * but a nominated officer) all get the same NOT_FOUND (docs/security.md AC-01, AC-05: a posted or
 * typed id is checked against the session's scope, never trusted).
 */
export async function findVisibleCase<Select extends Prisma.CaseSelect>(
  db: CaseReader,
  actor: UseCaseActor,
  caseId: string,
  options: FindVisibleCaseOptions<Select>,
): Promise<VisibleCase<Select>> {
  const row = UUID.test(caseId)
    ? await db.case.findFirst({ where: { AND: [{ id: caseId }, caseWhereVisibleTo(actor)] }, select: { ...options.select, ...ALWAYS_SELECTED } })
    : null;
  if (!row) {
    if (options.logRefusal ?? true) {
      await recordSecurityEvent(db, actor, { action: "case_not_found", entityType: "Case", entityId: caseId.slice(0, 100) });
    }
    throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  }
  // The one seam for MAPPA contact details (docs/rules/restricted-cases.md): whatever a caller
  // selected of the claimant, their telephone numbers and address reach a nominated officer only.
  const { claimant, restrictionTier } = row as unknown as { claimant?: unknown; restrictionTier: string };
  const redacted = claimant && typeof claimant === "object" ? { ...row, claimant: redactMappaContact(claimant, actor.roles, restrictionTier) } : row;
  const found = redacted as unknown as VisibleCase<Select>;
  if (options.restrictedRead) await recordRestrictedRead(db, actor, found, options.restrictedRead);
  return found;
}
