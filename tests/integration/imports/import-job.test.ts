import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitImportJob } from "@/lib/server/imports/commit-import-job";
import { confirmImportMapping } from "@/lib/server/imports/confirm-import-mapping";
import { commitImport, IMPORT_IN_REQUEST_MAX_ROWS } from "@/lib/server/imports/continue-import";
import { getImportPage } from "@/lib/server/imports/get-import-page";
import { visitImport } from "@/lib/server/imports/load-import-page";
import { startImport } from "@/lib/server/imports/start-import";
import { JOB } from "@/lib/server/jobs/job-names";
import { TASKS } from "@/lib/server/jobs/task-registry";
import type { JobContext } from "@/lib/server/jobs/job-context";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";
import { csvOf, prapRow } from "./import-fixtures";

/**
 * Commit off the page load (docs/decisions/0023-bulk-import-and-expected-referrals.md): a file of
 * more than 1,000 rows is committed by the imports:commit job, keyed per import so it runs once,
 * in batches of one transaction each; the import page only reads its progress. Up to 1,000 rows
 * (and wherever there is no job queue) the page drives the resumable commit as before.
 */
let db: TestDatabase;
let provider: Provider;
const NOW = new Date("2026-12-03T12:00:00Z");

async function previewed(actor: UseCaseActor, rows: number) {
  const bytes = csvOf(Array.from({ length: rows }, () => prapRow()));
  const { importId } = await startImport(db.prisma, actor, { kind: "prap", siteId: provider.sites.england.id, fileName: `job-${rows}.csv`, bytes });
  const page = await getImportPage(db.prisma, actor, importId);
  await confirmImportMapping(db.prisma, actor, { importId, version: page.version, mapping: page.mapping, saveAs: null }, NOW);
  return getImportPage(db.prisma, actor, importId);
}

const jobsFor = (importId: string) =>
  db.prisma.$queryRaw<{ task_identifier: string; key: string | null }[]>`
    SELECT task_identifier, key FROM graphile_worker.jobs WHERE key = ${`import-commit:${importId}`}`;

describe.skipIf(!process.env.DATABASE_URL)("committing a large import through a job (PostgreSQL)", () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db?.close());

  it("the imports:commit task is in the registry", () => {
    expect(TASKS[JOB.importCommit]).toBe(commitImportJob);
  });

  it("over 1,000 rows: queues one job per import (a repeated commit adds none), the page does not advance it, and the job commits every row", { timeout: 300_000 }, async () => {
    const actor = provider.actors.caseworker;
    const page = await previewed(actor, IMPORT_IN_REQUEST_MAX_ROWS + 1);
    expect(page.counts.ready).toBe(IMPORT_IN_REQUEST_MAX_ROWS + 1);
    expect(await commitImport(db.prisma, actor, { importId: page.id, version: page.version })).toEqual({ byJob: true });
    expect(await commitImport(db.prisma, actor, { importId: page.id, version: page.version })).toEqual({ byJob: true });
    expect(await jobsFor(page.id)).toEqual([{ task_identifier: JOB.importCommit, key: `import-commit:${page.id}` }]);

    // Visiting the page reads the progress and creates nothing.
    const visited = await visitImport(db.prisma, actor, page.id);
    expect(visited).toMatchObject({ status: "committing", commitByJob: true, processed: 0 });

    const context: JobContext = { db: db.prisma, now: () => NOW, mailer: null, appUrl: "http://localhost", job: { id: "1", key: `import-commit:${page.id}`, attempts: 1 } };
    await commitImportJob({ importId: page.id }, context);
    const done = await visitImport(db.prisma, actor, page.id);
    expect(done).toMatchObject({ status: "committed", processed: IMPORT_IN_REQUEST_MAX_ROWS + 1 });
    expect(done.counts.created).toBe(IMPORT_IN_REQUEST_MAX_ROWS + 1);
    expect(await db.prisma.referralImportRow.count({ where: { importId: page.id, outcome: "created" } })).toBe(IMPORT_IN_REQUEST_MAX_ROWS + 1);
    // Run again (a retry after a crash): nothing new.
    await commitImportJob({ importId: page.id }, context);
    expect(await db.prisma.case.count({ where: { id: { in: (await db.prisma.referralImportRow.findMany({ where: { importId: page.id }, select: { caseId: true } })).map((row) => row.caseId as string) } } })).toBe(
      IMPORT_IN_REQUEST_MAX_ROWS + 1,
    );
  });

  it("up to 1,000 rows: no job; each visit to the page commits the next batch", async () => {
    const actor = provider.actors.caseworker;
    const page = await previewed(actor, 3);
    expect(await commitImport(db.prisma, actor, { importId: page.id, version: page.version })).toEqual({ byJob: false });
    expect(await jobsFor(page.id)).toEqual([]);
    const visited = await visitImport(db.prisma, actor, page.id);
    expect(visited).toMatchObject({ status: "committed", commitByJob: false, processed: 3 });
  });

  it("refuses a payload that is not an import id", async () => {
    const context: JobContext = { db: db.prisma, now: () => NOW, mailer: null, appUrl: "http://localhost", job: { id: "1", key: null, attempts: 1 } };
    await expect(commitImportJob({ importId: "not-an-id" }, context)).rejects.toThrow();
  });
});
