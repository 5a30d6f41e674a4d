import { todayInLondon } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { ninoProblem } from "@/lib/domain/identifiers";
import { assertCan, type UseCaseActor } from "../assert-can";
import { recordAudit } from "../audit/record-audit";
import { isUniqueViolation } from "../prisma-errors";
import { requireOpenSite } from "../sites/require-open-site";
import { UseCaseError } from "../use-case-error";
import { getReconciliation } from "./get-reconciliation";

/**
 * "In the spreadsheet, no case" → an expected referral, in one click (3.05,
 * docs/decisions/0023-bulk-import-and-expected-referrals.md): prefilled from the row (name, NINO,
 * date of birth, the Work Coach or DEA's name, the referral date as the call's date), at the
 * import's site, so it is chased as a missing referral until its PRaP referral is recorded.
 * Idempotent per reconciliation row: a unique (reconciliation, row) key makes a repeated or
 * simultaneous click return the one already made. A row already matched to an open expected
 * referral returns that one. The spreadsheet does not say how to reach the caller, so those
 * details are left blank, to fill in when chasing.
 */
export async function expectFromReconciliationRow(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: { reconciliationId: string; rowNumber: number },
  now: Date = new Date(),
): Promise<{ id: string; created: boolean }> {
  assertCan(actor, "create:referral:any");
  // Through the reader's own view of the lists: a row matched to a case they may not see reads "no case" (AC-02).
  const view = await getReconciliation(prisma, actor, input.reconciliationId);
  const row = view.lists.noCase.find((line) => line.rowNumber === input.rowNumber);
  if (!row) throw new UseCaseError("NOT_FOUND", "That row could not be found.");
  if (row.expectedReferralId) return { id: row.expectedReferralId, created: false };
  const existing = () =>
    prisma.expectedReferral.findFirst({ where: { reconciliationId: view.id, reconciliationRow: row.rowNumber, organisationId: actor.organisationId }, select: { id: true } });
  const already = await existing();
  if (already) return { id: already.id, created: false };
  const imported = await prisma.referralImport.findFirst({ where: { id: view.importId, organisationId: actor.organisationId }, select: { siteId: true } });
  if (!imported) throw new UseCaseError("NOT_FOUND", "That row could not be found.");
  await requireOpenSite(prisma, actor, imported.siteId);
  const forename = (row.forename ?? "").slice(0, 100);
  const surname = (row.surname ?? "").slice(0, 100);
  if (!forename && !surname) throw new UseCaseError("INVALID", "This row has no name: record the Warm Handover call by hand");
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.expectedReferral.create({
        data: {
          organisationId: actor.organisationId,
          siteId: imported.siteId,
          handoverRole: null,
          handoverName: (row.handoverName ?? "").slice(0, 200),
          handoverPhone: "",
          handoverEmail: "",
          forename,
          surname,
          nino: row.nino && !ninoProblem(row.nino) ? row.nino : null,
          dateOfBirth: row.dateOfBirth ? isoDateToDb(row.dateOfBirth) : null,
          calledOn: isoDateToDb(row.referralDate ?? todayInLondon(now)),
          notes: `From row ${row.rowNumber} of the monthly referral spreadsheet ${view.fileName}`.slice(0, 2000),
          status: "expected",
          reconciliationId: view.id,
          reconciliationRow: row.rowNumber,
          createdById: actor.id,
        },
        select: { id: true },
      });
      // Ids and codes only, never personal data (docs/security.md LG-05).
      await recordAudit(tx, actor, {
        action: "expected_referral.recorded",
        entityType: "ExpectedReferral",
        entityId: created.id,
        after: { siteId: imported.siteId, reconciliationId: view.id, rowNumber: row.rowNumber },
      });
      return { id: created.id, created: true };
    });
  } catch (error) {
    // The same row clicked twice at once: the other click made it.
    if (!isUniqueViolation(error)) throw error;
    const made = await existing();
    if (!made) throw error;
    return { id: made.id, created: false };
  }
}

/** The expected referrals made from a reconciliation's rows, by row number (for its page). */
export async function expectedFromReconciliation(prisma: Pick<PrismaClient, "expectedReferral">, actor: UseCaseActor, reconciliationId: string): Promise<Map<number, string>> {
  const rows = await prisma.expectedReferral.findMany({
    where: { organisationId: actor.organisationId, reconciliationId },
    select: { id: true, reconciliationRow: true },
  });
  return new Map(rows.flatMap((row) => (row.reconciliationRow === null ? [] : [[row.reconciliationRow, row.id] as [number, string]])));
}
