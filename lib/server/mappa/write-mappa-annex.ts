import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findVisibleCase } from "../cases/find-visible-case";
import { isUniqueViolation } from "../prisma-errors";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";

type Tx = Prisma.TransactionClient;

/** What a write to the annex records in its audit row (the case id is added). */
export interface AnnexAuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after: Prisma.InputJsonValue;
}

/**
 * One write to the nominated officer's annex of a MAPPA case (13.59, 13.68–13.72): permission,
 * visibility, MAPPA check, the version claim on MappaAnnex.version (creating the annex on the
 * first write), the change and its audit row, all in one transaction (docs/security.md LG-02).
 */
export async function writeMappaAnnex(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: { caseId: string; annexVersion: number },
  write: (tx: Tx, context: { caseId: string; annexId: string }) => Promise<AnnexAuditEntry>,
  annexData: Prisma.MappaAnnexUncheckedUpdateManyInput = {},
): Promise<void> {
  assertCan(actor, "update:restricted-case:any");
  try {
    await prisma.$transaction(async (tx) => {
      const found = await findVisibleCase(tx, actor, input.caseId, { select: { mappaAnnex: { select: { id: true } } }, logRefusal: false });
      const existing = found.mappaAnnex;
      if (found.restrictionTier !== "mappa" && !existing) {
        throw new UseCaseError("INVALID", "Only a MAPPA case has a nominated officer's annex (13.59): mark the case MAPPA first");
      }
      let annexId: string;
      if (input.annexVersion === 0) {
        if (existing) throw new UseCaseError("STALE", STALE_MESSAGE);
        annexId = (await tx.mappaAnnex.create({ data: { ...(annexData as Omit<Prisma.MappaAnnexUncheckedCreateInput, "caseId">), caseId: found.id }, select: { id: true } })).id;
      } else {
        const updated = await tx.mappaAnnex.updateMany({
          where: { caseId: found.id, version: input.annexVersion },
          data: { ...annexData, version: { increment: 1 } },
        });
        if (updated.count === 0 || !existing) throw new UseCaseError("STALE", STALE_MESSAGE);
        annexId = existing.id;
      }
      const entry = await write(tx, { caseId: found.id, annexId });
      await recordAudit(tx, actor, { ...entry, caseId: found.id });
    });
  } catch (error) {
    // Two first writes at once: the second finds the annex created under it.
    if (isUniqueViolation(error)) throw new UseCaseError("STALE", STALE_MESSAGE);
    throw error;
  }
}
