import { todayInLondon } from "@/lib/calendar/iso-date";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { referralIntakeSchemaOn } from "@/lib/domain/forms/referral-intake";
import type { ColumnMapping } from "@/lib/domain/import/import-columns";
import { parseImportRow, personOf, type RowProblem } from "@/lib/domain/import/prap-import-row";
import { isRole } from "@/lib/domain/permissions";
import { can } from "@/lib/domain/permissions";
import type { UseCaseActor } from "../assert-can";
import { recordAudit } from "../audit/record-audit";
import { enqueueJob, jobQueueAvailable } from "../jobs/enqueue-job";
import { JOB } from "../jobs/job-names";
import { openPrapReferralCase } from "../referrals/record-prap-referral";
import { loadCalendar } from "../reference/load-calendar";
import { loadDeadlineSettings } from "../reference/load-deadline-settings";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { expectedHandoversFor } from "./expected-handovers";
import { findImport } from "./import-access";
import { openImportedCases, plainImportedReferrals, type BatchClocks, type ImportedReferral } from "./open-imported-cases";
import { storeVerdicts } from "./preview-import";

/** A batch driven by the import page (one per visit). */
export const IMPORT_BATCH_SIZE = 100;
/**
 * A batch of the imports:commit job: plain rows are opened as a set (open-imported-cases.ts), so a
 * batch costs a few dozen statements, not a dozen per row. Each plain row holds two transaction
 * locks (its purchase order and referral ID) until the batch commits, within PostgreSQL's lock table.
 */
export const IMPORT_JOB_BATCH_SIZE = 1_000;
/** Files up to this many rows may commit in the request (page-driven); larger ones through a job where there is a queue. */
export const IMPORT_IN_REQUEST_MAX_ROWS = 1_000;

/**
 * Commit a previewed import: it is then processed in batches by continueImport. Repeat posts are
 * harmless. Over 1,000 rows, where the database has the job queue (jobQueueAvailable: PostgreSQL,
 * and the embedded database since docs/decisions/0025-jobs-on-the-embedded-database.md), the imports:commit job is
 * queued in the same transaction, keyed per import so it runs once, and the page only shows the
 * progress; otherwise the page drives the commit as before.
 */
export async function commitImport(prisma: PrismaClient, actor: UseCaseActor, input: { importId: string; version: number }): Promise<{ byJob: boolean }> {
  const current = await findImport(prisma, actor, input.importId);
  if (current.status === "committing" || current.status === "committed") return { byJob: current.commitByJob };
  if (current.kind !== "prap" || current.status !== "previewed") throw new UseCaseError("INVALID", "Check the column mapping and the preview first");
  return prisma.$transaction(async (tx) => {
    const byJob = current.rowCount > IMPORT_IN_REQUEST_MAX_ROWS && (await jobQueueAvailable(tx));
    const claimed = await tx.referralImport.updateMany({
      where: { id: current.id, version: input.version, status: "previewed" },
      data: { status: "committing", commitByJob: byJob, version: { increment: 1 } },
    });
    if (claimed.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
    if (byJob) await enqueueJob(tx, JOB.importCommit, { importId: current.id }, { jobKey: `import-commit:${current.id}`, maxAttempts: 10 });
    await recordAudit(tx, actor, { action: "referral_import.commit_started", entityType: "ReferralImport", entityId: current.id, after: { byJob } });
    return { byJob };
  });
}

/** What the set-based path computes due dates with, read once per batch: the site's nation, the calendar, the settings. */
async function batchClocks(tx: Prisma.TransactionClient, siteId: string): Promise<BatchClocks> {
  const site = await tx.site.findUniqueOrThrow({ where: { id: siteId }, select: { nation: true } });
  return { nation: site.nation, calendar: await loadCalendar(tx), settings: await loadDeadlineSettings(tx) };
}

export interface ImportProgress {
  status: string;
  processed: number;
  rowCount: number;
  done: boolean;
}

/**
 * The next batch of a committing import, resumable (docs/decisions/0023-bulk-import-and-expected-referrals.md):
 * the batch runs in ONE transaction that locks the import row, creates each ready row's case with
 * the same checks, ruleset, due dates and audit rows as a hand-keyed referral (plus the import on
 * the case's timeline), records every row's outcome, and moves the cursor. Two runs at once queue
 * on the lock; a batch that fails rolls back whole and is simply run again.
 *
 * Plain rows (open-imported-cases.ts: the intake's checks made for the whole batch, nothing to
 * ask) are written as a set; every other row goes through the intake's own core,
 * openPrapReferralCase, in a savepoint: a row the intake refuses at commit (a purchase order
 * recorded meanwhile, an Initial Assessment date now late, an earlier spell) rolls back alone and
 * is reported "skipped" or "failed" with the intake's own message. The cases are recorded as the
 * importer (their roles, read again now); an importer who can no longer import stops the import.
 */
export async function continueImport(prisma: PrismaClient, importId: string, now: Date = new Date(), batchSize = IMPORT_BATCH_SIZE): Promise<ImportProgress> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "ReferralImport" WHERE "id" = ${importId}::uuid FOR UPDATE`;
      const current = await tx.referralImport.findUnique({ where: { id: importId } });
      if (!current) throw new UseCaseError("NOT_FOUND", "That import could not be found.");
      const progress = (status: string, processed: number): ImportProgress => ({ status, processed, rowCount: current.rowCount, done: status === "committed" });
      if (current.status !== "committing") return progress(current.status, current.status === "committed" ? current.rowCount : 0);

      const importer = await tx.user.findUnique({ where: { id: current.createdById }, select: { id: true, roles: true, organisationId: true, active: true } });
      const actor: UseCaseActor | null =
        importer && importer.active ? { id: importer.id, organisationId: importer.organisationId, roles: importer.roles.filter(isRole) } : null;
      if (!actor || !can(actor.roles, "import:referral:any")) throw new UseCaseError("FORBIDDEN", "The person who started this import can no longer import referrals.");

      const rows = await tx.referralImportRow.findMany({
        where: { importId, rowNumber: { gte: current.nextRow } },
        orderBy: { rowNumber: "asc" },
        take: batchSize,
      });
      const mapping = current.mapping as ColumnMapping;
      const headers = current.headers as string[];
      const cellsOf = (cells: unknown) => (Array.isArray(cells) ? cells.map((cell) => (typeof cell === "string" ? cell : "")) : []);
      const today = todayInLondon(now);
      const handovers = await expectedHandoversFor(tx, actor, rows.map((row) => personOf(cellsOf(row.cells), mapping, today)));
      const schema = referralIntakeSchemaOn(today);

      const verdicts: { rowNumber: number; outcome: string; problems: RowProblem[] | null; caseId: string | null }[] = [];
      let created = 0;
      let skipped = 0;
      let failed = 0;

      // Each valid row parsed once; a row with no Warm Handover call to attach may take the
      // set-based path (open-imported-cases.ts). A row with one goes one by one and is parsed again
      // in its turn below, since an earlier row may have attached that call meanwhile.
      const candidates: ImportedReferral[] = [];
      for (const row of rows) {
        if (row.outcome === "invalid" || row.outcome === "duplicate") continue;
        const cells = cellsOf(row.cells);
        const handover = handovers.find(personOf(cells, mapping, today));
        const parsed = parseImportRow(today, cells, mapping, headers, current.siteId, handover, schema);
        if (parsed.ok) candidates.push({ rowNumber: row.rowNumber, input: parsed.input, dateOfBirth: parsed.dateOfBirth, attachesHandover: handover !== null });
      }
      const clocks = candidates.length > 0 ? await batchClocks(tx, current.siteId) : null;
      const plain = clocks ? await plainImportedReferrals(tx, candidates, clocks) : new Set<number>();
      const plainRows = new Map(candidates.filter((row) => plain.has(row.rowNumber)).map((row) => [row.rowNumber, row]));

      // Consecutive plain rows are opened together, the others one by one in between, so cases,
      // references and audit rows come in row order whichever way a row goes.
      let run: ImportedReferral[] = [];
      const openRun = async () => {
        if (!clocks || run.length === 0) return;
        const opened = await openImportedCases(tx, actor, run, { importId, now, clocks });
        for (const row of run) {
          created += 1;
          verdicts.push({ rowNumber: row.rowNumber, outcome: "created", problems: null, caseId: opened.get(row.rowNumber) ?? null });
        }
        run = [];
      };
      for (const row of rows) {
        const plainRow = plainRows.get(row.rowNumber);
        if (plainRow) {
          run.push(plainRow);
          continue;
        }
        await openRun();
        if (row.outcome === "invalid") {
          failed += 1;
          verdicts.push({ rowNumber: row.rowNumber, outcome: "failed", problems: row.problems as RowProblem[] | null, caseId: null });
          continue;
        }
        if (row.outcome === "duplicate") {
          skipped += 1;
          verdicts.push({ rowNumber: row.rowNumber, outcome: "skipped", problems: row.problems as RowProblem[] | null, caseId: null });
          continue;
        }
        const cells = cellsOf(row.cells);
        const handover = handovers.find(personOf(cells, mapping, today));
        const parsed = parseImportRow(today, cells, mapping, headers, current.siteId, handover, schema);
        if (!parsed.ok) {
          failed += 1;
          verdicts.push({ rowNumber: row.rowNumber, outcome: "failed", problems: parsed.problems, caseId: null });
          continue;
        }
        await tx.$executeRaw`SAVEPOINT import_row`;
        try {
          const opened = await openPrapReferralCase(tx, actor, parsed.input, now, { importId, rowNumber: row.rowNumber, dateOfBirth: parsed.dateOfBirth });
          if (handover) {
            await tx.expectedReferral.update({
              where: { id: handover.expectedReferralId },
              data: { status: "attached", caseId: opened.caseId, version: { increment: 1 } },
            });
            handovers.take(handover);
            await recordAudit(tx, actor, { action: "expected_referral.attached", entityType: "ExpectedReferral", entityId: handover.expectedReferralId, caseId: opened.caseId });
          }
          await tx.$executeRaw`RELEASE SAVEPOINT import_row`;
          created += 1;
          verdicts.push({ rowNumber: row.rowNumber, outcome: "created", problems: null, caseId: opened.caseId });
        } catch (error) {
          if (!(error instanceof UseCaseError)) throw error;
          await tx.$executeRaw`ROLLBACK TO SAVEPOINT import_row`;
          const problems = Object.values(error.fieldErrors).map((message) => ({ column: "Row", message }));
          const reason = problems.length > 0 ? problems : [{ column: "Row", message: error.message }];
          if (error.code === "CONFLICT" || Object.keys(error.fieldErrors).includes("reReferralJustification")) {
            skipped += 1;
            verdicts.push({ rowNumber: row.rowNumber, outcome: "skipped", problems: reason, caseId: null });
          } else {
            failed += 1;
            verdicts.push({ rowNumber: row.rowNumber, outcome: "failed", problems: reason, caseId: null });
          }
        }
      }
      await openRun();
      await storeVerdicts(tx, importId, verdicts);
      const last = rows.at(-1);
      const finished = rows.length < batchSize;
      await tx.referralImport.update({
        where: { id: importId },
        data: {
          nextRow: last ? last.rowNumber + 1 : current.nextRow,
          createdCount: { increment: created },
          skippedCount: { increment: skipped },
          failedCount: { increment: failed },
          ...(finished ? { status: "committed", committedAt: now } : {}),
        },
      });
      const processed = current.createdCount + current.skippedCount + current.failedCount + created + skipped + failed;
      if (finished) {
        await recordAudit(tx, actor, {
          action: "referral_import.committed",
          entityType: "ReferralImport",
          entityId: importId,
          after: { created: current.createdCount + created, skipped: current.skippedCount + skipped, failed: current.failedCount + failed },
        });
      }
      return progress(finished ? "committed" : "committing", processed);
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
