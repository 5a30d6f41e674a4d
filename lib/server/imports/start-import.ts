import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/prisma";
import { proposeMapping, type ImportKind } from "@/lib/domain/import/import-columns";
import type { UseCaseActor } from "../assert-can";
import { recordAudit } from "../audit/record-audit";
import { requireImportSite } from "./import-access";
import { openSpreadsheet } from "./read-spreadsheet";

// Rows written per statement: 1,000, not 5,000 — a chunk's rows and JSON are garbage held while they are
// written; smaller chunks took the 50,000-row upload's peak from ~370 to ~300 MB
// (docs/decisions/0037-clocks-for-lists-and-import-chunks.md).
const ROW_CHUNK = 1_000;

/**
 * Upload: read the file (read-spreadsheet.ts), keep every data row with its row number, and
 * propose a column mapping from the headers. The rows are written as they are parsed, ROW_CHUNK
 * at a time, so the upload never holds the file as a table. Nothing is created yet: the user confirms the
 * mapping and sees the preview first.
 *
 * The same file uploaded twice at once (a double click, two tabs) is one import: uploads of the
 * same bytes queue on a transaction lock per organisation and checksum, and the second finds the
 * first's unfinished import and returns it. All rows are written in one transaction, so a failed
 * upload leaves nothing half-written.
 */
export async function startImport(
  prisma: PrismaClient,
  actor: UseCaseActor,
  upload: { kind: ImportKind; siteId: string; fileName: string; bytes: Uint8Array },
): Promise<{ importId: string; reused: boolean }> {
  const site = await requireImportSite(prisma, actor, upload.siteId);
  const file = await openSpreadsheet(upload.bytes);
  const checksum = createHash("sha256").update(upload.bytes).digest("hex");
  const fileName = upload.fileName.slice(0, 260) || "upload";
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`referral-import:${actor.organisationId}:${checksum}`}))`;
      const unfinished = await tx.referralImport.findFirst({
        where: { organisationId: actor.organisationId, checksum, kind: upload.kind, siteId: site.id, status: { in: ["mapping", "previewed", "committing"] } },
        select: { id: true },
      });
      if (unfinished) return { importId: unfinished.id, reused: true };
      let importId: string | null = null;
      // Each row is kept only as its JSON until its chunk is written: the parsed cells die young.
      let pending: string[] = [];
      const writePending = async () => {
        if (importId === null || pending.length === 0) return;
        // One multi-row INSERT per chunk, the rows passed as one JSON document (a chunk is one
        // parameter and one round trip, not 4 parameters a row through the query builder).
        const json = `[${pending.join(",")}]`;
        pending = [];
        await tx.$executeRaw`
          INSERT INTO "ReferralImportRow" ("importId", "rowNumber", "cells", "outcome")
          SELECT ${importId}::uuid, r."rowNumber", r."cells", 'pending'
          FROM jsonb_to_recordset(${json}::jsonb) AS r("rowNumber" int, "cells" jsonb)`;
      };
      // Read as a stream (read-spreadsheet.ts): rows are written ROW_CHUNK at a time as they are
      // parsed; a file refused after its last row rolls this transaction back whole.
      const sheet = await file.read({
        async headers(headers) {
          const created = await tx.referralImport.create({
            data: {
              organisationId: actor.organisationId,
              siteId: site.id,
              kind: upload.kind,
              fileName,
              checksum,
              status: "mapping",
              headers,
              mapping: proposeMapping(upload.kind, headers),
              rowCount: 0,
              createdById: actor.id,
            },
            select: { id: true },
          });
          importId = created.id;
        },
        row(row) {
          pending.push(JSON.stringify(row));
          if (pending.length >= ROW_CHUNK) return writePending();
        },
      });
      await writePending();
      if (importId === null) throw new Error("An accepted file was read without its header row");
      await tx.referralImport.update({ where: { id: importId }, data: { rowCount: sheet.rowCount }, select: { id: true } });
      await recordAudit(tx, actor, {
        action: "referral_import.uploaded",
        entityType: "ReferralImport",
        entityId: importId,
        after: { kind: upload.kind, siteId: site.id, checksum, rows: sheet.rowCount, blankRows: sheet.blankRows, format: sheet.format },
      });
      return { importId, reused: false };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
