import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import { dashboardExportSchema } from "@/lib/domain/dashboard/filters";
import { BACKGROUND_EXPORT_THRESHOLD } from "@/lib/domain/exports/export-files";
import { exportDashboardList } from "@/lib/server/dashboard/export-dashboard-list";
import { startDashboardExport } from "@/lib/server/dashboard/start-dashboard-export";
import { downloadExportFile, EXPORT_FILE_DOWNLOADED_ACTION } from "@/lib/server/exports/download-export-file";
import { listExportFiles } from "@/lib/server/exports/list-export-files";
import { purgeExportFilesJob } from "@/lib/server/exports/purge-export-files-job";
import { JOB } from "@/lib/server/jobs/job-names";
import { UseCaseError } from "@/lib/server/use-case-error";
import { actorFor, createCase, createClaimant, createProvider, createUserRow, type Provider } from "../support/builders";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { drainJobs } from "../jobs/support/drain-jobs";
import { jobContext } from "../jobs/support/job-fixtures";

/**
 * CSV exports over 5,000 rows off the request (docs/decisions/0022-background-jobs.md): counted
 * first, queued as a background file, built by the worker with the synchronous export's rows,
 * downloaded by its owner only (AC-01) with an audit row in the same transaction (LG-02), purged
 * after 24 hours. PostgreSQL only: the embedded database has no job queue.
 */
const TODAY: IsoDate = "2026-12-03";
const OPEN_CASES = BACKGROUND_EXPORT_THRESHOLD + 1;
const FIELDS = { list: "open-cases", period: "" };

let db: TestDatabase;
let provider: Provider;

const exportJobs = async () =>
  (await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = ${JOB.buildExportFile}`)[0].n;

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UseCaseError);
  expect((error as UseCaseError).code).toBe("NOT_FOUND");
}

describe.skipIf(!process.env.DATABASE_URL)("CSV exports over 5,000 rows (PostgreSQL)", () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    const claimant = await createClaimant(db.prisma);
    // 5,001 open cases, written in bulk (the list reads the stored columns only), and one SCR case the export must never show (decision 0005).
    await db.prisma.case.createMany({
      data: Array.from({ length: OPEN_CASES }, (_, index) => ({
        reference: `SES-${String(900000 + index)}`,
        organisationId: provider.organisation.id,
        siteId: provider.sites.england.id,
        claimantId: claimant.id,
        route: "prap_single" as const,
        ruleset: "ses_2017" as const,
        state: "referred" as const,
        referralDate: isoDateToDb("2026-11-23"),
        nextDeadlineOn: isoDateToDb(`2026-12-${String(1 + (index % 28)).padStart(2, "0")}`),
      })),
    });
    await createCase(db.prisma, provider, { route: "scr_clerical" });
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it("up to the threshold the file is built now, as before", async () => {
    const started = await startDashboardExport(db.prisma, provider.actors.manager, FIELDS, TODAY, OPEN_CASES);
    expect("file" in started && started.file.rowCount).toBe(OPEN_CASES);
    expect(await exportJobs()).toBe(0);
  });

  it("5,001 rows queue one background file; a double submit makes one job; the worker's file has the synchronous export's rows", async () => {
    const [first, second] = await Promise.all([
      startDashboardExport(db.prisma, provider.actors.manager, FIELDS, TODAY),
      startDashboardExport(db.prisma, provider.actors.manager, { period: "", list: "open-cases" }, TODAY),
    ]);
    expect("queuedFileId" in first && "queuedFileId" in second).toBe(true);
    const fileId = (first as { queuedFileId: string }).queuedFileId;
    expect((second as { queuedFileId: string }).queuedFileId).toBe(fileId);
    expect(await exportJobs()).toBe(1);
    expect(await db.prisma.exportFile.count()).toBe(1);

    const [queued] = await listExportFiles(db.prisma, provider.actors.manager, new Date());
    expect(queued).toMatchObject({ id: fileId, status: "queued", rowsTotal: OPEN_CASES, rowsWritten: 0, label: "Dashboard export of all open cases" });

    await drainJobs(db, [JOB.buildExportFile], () => new Date());

    const [ready] = await listExportFiles(db.prisma, provider.actors.manager, new Date());
    expect(ready).toMatchObject({ id: fileId, status: "ready", rowsTotal: OPEN_CASES, rowsWritten: OPEN_CASES });
    const synchronous = await exportDashboardList(db.prisma, provider.actors.manager, dashboardExportSchema.parse(FIELDS), TODAY);
    const downloaded = await downloadExportFile(db.prisma, provider.actors.manager, fileId);
    expect(downloaded.filename).toBe(`ses-open-cases-${TODAY}.csv`);
    expect(downloaded.csv).toBe(synchronous.csv);
    expect(downloaded.csv.trimEnd().split("\r\n")).toHaveLength(OPEN_CASES + 1);
    const built = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "dashboard.export", actorId: provider.users.manager.id, after: { path: ["exportFileId"], equals: fileId } } });
    expect(built.after).toMatchObject({ list: "open-cases", rowCount: OPEN_CASES });
  }, 120_000);

  it("each download by the owner writes one audit row; anyone else, or a random id, gets not found and no file", async () => {
    const [file] = await listExportFiles(db.prisma, provider.actors.manager, new Date());
    const before = await db.prisma.auditEvent.count({ where: { action: EXPORT_FILE_DOWNLOADED_ACTION, entityId: file.id } });
    await downloadExportFile(db.prisma, provider.actors.manager, file.id);
    expect(await db.prisma.auditEvent.count({ where: { action: EXPORT_FILE_DOWNLOADED_ACTION, entityId: file.id, actorId: provider.users.manager.id } })).toBe(before + 1);

    const otherManager = actorFor(await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["manager"] }));
    await expectNotFound(downloadExportFile(db.prisma, otherManager, file.id));
    await expectNotFound(downloadExportFile(db.prisma, provider.actors.administrator, file.id));
    await expectNotFound(downloadExportFile(db.prisma, provider.actors.manager, "3f0e8f6a-5a7c-4c56-9a8e-0c1d2e3f4a5b"));
    await expectNotFound(downloadExportFile(db.prisma, provider.actors.manager, "not-an-id"));
    expect(await listExportFiles(db.prisma, otherManager, new Date())).toEqual([]);
    expect(await db.prisma.auditEvent.count({ where: { action: EXPORT_FILE_DOWNLOADED_ACTION, entityId: file.id } })).toBe(before + 1);
  });

  it("a file is kept 24 hours: after that the downloads page never shows it, it cannot be downloaded, and the hourly purge deletes it", async () => {
    const [file] = await listExportFiles(db.prisma, provider.actors.manager, new Date());
    const later = new Date(file.expiresAt.getTime() + 1_000);
    expect(file.expiresAt.getTime() - file.createdAt.getTime()).toBe(24 * 3_600_000);
    expect(await listExportFiles(db.prisma, provider.actors.manager, later)).toEqual([]);
    await expectNotFound(downloadExportFile(db.prisma, provider.actors.manager, file.id, later));

    expect(await purgeExportFilesJob({}, jobContext(db.prisma, { now: () => new Date(file.expiresAt.getTime() - 60_000) }))).toBe(0);
    expect(await purgeExportFilesJob({}, jobContext(db.prisma, { now: () => later }))).toBe(1);
    expect(await db.prisma.exportFile.count({ where: { id: file.id } })).toBe(0);
  });
});
