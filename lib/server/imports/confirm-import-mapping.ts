import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { mappingProblems, type ColumnMapping, type ImportKind } from "@/lib/domain/import/import-columns";
import type { UseCaseActor } from "../assert-can";
import { recordAudit } from "../audit/record-audit";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { findImport } from "./import-access";
import { previewImport } from "./preview-import";
import { reconcileImport } from "./reconcile-import";

export interface ConfirmMappingInput {
  importId: string;
  version: number;
  mapping: ColumnMapping;
  /** Save this mapping under a name for next month's file. */
  saveAs: string | null;
}

/**
 * The user confirms (or changes) the proposed column mapping. A PRaP file is then previewed — a
 * dry run that creates nothing (preview-import.ts) — and a monthly spreadsheet reconciled
 * (reconcile-import.ts). A mapping may be confirmed again while nothing is committed; a stale
 * version is refused (optimistic concurrency).
 */
export async function confirmImportMapping(prisma: PrismaClient, actor: UseCaseActor, input: ConfirmMappingInput, now: Date = new Date()): Promise<{ importId: string; reconciliationId: string | null }> {
  const current = await findImport(prisma, actor, input.importId);
  const kind = current.kind as ImportKind;
  const headers = current.headers as string[];
  const problems = mappingProblems(kind, input.mapping, headers);
  if (Object.keys(problems).length > 0) {
    const fieldErrors = Object.fromEntries(Object.entries(problems).map(([field, message]) => [`column-${field}`, message]));
    throw new UseCaseError("INVALID", Object.values(problems)[0], fieldErrors);
  }
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.referralImport.updateMany({
        where: { id: current.id, version: input.version, status: { in: ["mapping", "previewed"] } },
        data: { mapping: input.mapping as Prisma.InputJsonValue, version: { increment: 1 } },
      });
      if (claimed.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
      if (input.saveAs) {
        await tx.importMapping.upsert({
          where: { organisationId_kind_name: { organisationId: actor.organisationId, kind, name: input.saveAs } },
          create: { organisationId: actor.organisationId, kind, name: input.saveAs, mapping: input.mapping as Prisma.InputJsonValue, createdById: actor.id },
          update: { mapping: input.mapping as Prisma.InputJsonValue },
        });
      }
      let reconciliationId: string | null = null;
      if (kind === "prap") {
        await previewImport(tx, actor, current.id, input.mapping, headers, current.siteId, now);
        await tx.referralImport.update({ where: { id: current.id }, data: { status: "previewed" } });
      } else {
        reconciliationId = await reconcileImport(tx, actor, { ...current, mapping: input.mapping }, now);
        await tx.referralImport.update({ where: { id: current.id }, data: { status: "committed", committedAt: now } });
      }
      await recordAudit(tx, actor, { action: "referral_import.mapped", entityType: "ReferralImport", entityId: current.id, after: { mapping: input.mapping as Prisma.InputJsonValue, savedAs: input.saveAs } });
      return { importId: current.id, reconciliationId };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

/** The named mappings saved for this kind of file. */
export async function listSavedMappings(db: Pick<PrismaClient, "importMapping">, actor: UseCaseActor, kind: ImportKind) {
  return db.importMapping.findMany({ where: { organisationId: actor.organisationId, kind }, orderBy: { name: "asc" }, select: { id: true, name: true, mapping: true } });
}
