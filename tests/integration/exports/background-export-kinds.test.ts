import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordSecurityEvent } from "@/lib/server/audit/record-security-event";
import { downloadExportFile } from "@/lib/server/exports/download-export-file";
import { EXPORT_KINDS } from "@/lib/server/exports/export-kinds";
import { listExportFiles } from "@/lib/server/exports/list-export-files";
import { JOB } from "@/lib/server/jobs/job-names";
import { SECURITY_REPORT_EXPORTED_ACTION } from "@/lib/server/security/export-security-report";
import { startSecurityReportExport } from "@/lib/server/security/start-security-report-export";
import { drillDownExportSchema } from "@/lib/domain/dashboard/drill-down";
import { exportFigureCases } from "@/lib/server/dashboard/export-figure-cases";
import { startFigureCasesExport } from "@/lib/server/dashboard/start-figure-cases-export";
import { createCase, createProvider, type Provider } from "../support/builders";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { drainJobs } from "../jobs/support/drain-jobs";

/**
 * Every CSV export the app offers goes through the same count-then-queue step
 * (docs/decisions/0022-background-jobs.md). The dashboard lists are proved with 5,001 rows in
 * background-exports.test.ts; here the threshold is lowered to prove an export built whole by the
 * job (the security report): its own audit row with the file, only its permission downloads it.
 */
let db: TestDatabase;
let provider: Provider;

describe.skipIf(!process.env.DATABASE_URL)("background files for the other exports (PostgreSQL)", () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    for (let index = 0; index < 3; index++) await recordSecurityEvent(db.prisma, provider.actors.caseworker, { action: "access_denied", entityType: "Case", entityId: `case-${index}` });
  });
  afterAll(async () => {
    await db.close();
  });

  it("every export kind names the permissions its download needs", () => {
    expect(Object.keys(EXPORT_KINDS).sort()).toEqual(["case-access-log", "dashboard-list", "figure-cases", "import-report", "reconciliation-list", "security-report"]);
    for (const kind of Object.values(EXPORT_KINDS)) expect(kind.permissions.length).toBeGreaterThan(0);
  });

  it("the security report over the threshold becomes a background file with the report's rows, audited as an export (LG-01)", async () => {
    const admin = provider.actors.administrator;
    const now = new Date();
    const started = await startSecurityReportExport(db.prisma, admin, {}, now, 1);
    expect("queuedFileId" in started).toBe(true);
    const fileId = (started as { queuedFileId: string }).queuedFileId;
    const exportsBefore = await db.prisma.auditEvent.count({ where: { action: SECURITY_REPORT_EXPORTED_ACTION } });

    await drainJobs(db, [JOB.buildExportFile], () => new Date());

    const [file] = await listExportFiles(db.prisma, admin, new Date());
    expect(file).toMatchObject({ id: fileId, status: "ready", filename: `security-report-${now.toISOString().slice(0, 10)}.csv` });
    const downloaded = await downloadExportFile(db.prisma, admin, fileId);
    const lines = downloaded.csv.trimEnd().split("\r\n");
    expect(lines[0]).toContain("When,Kind,What,Who");
    expect(lines.length - 1).toBeGreaterThanOrEqual(3);
    expect(file.rowsWritten).toBe(lines.length - 1);
    expect(await db.prisma.auditEvent.count({ where: { action: SECURITY_REPORT_EXPORTED_ACTION, actorId: provider.users.administrator.id } })).toBe(exportsBefore + 1);
    // A manager (no security-report permission) cannot download it even if it were theirs: not found.
    await expect(downloadExportFile(db.prisma, provider.actors.manager, fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe.skipIf(!process.env.DATABASE_URL)("the cases behind a dashboard count (PostgreSQL; docs/decisions/0029-manager-dashboard-drill-downs.md)", () => {
  it("over the threshold become a background file with the drill-down's rows, for its owner only", async () => {
    const figures = await createTestDatabase();
    try {
      const staff = await createProvider(figures.prisma);
      for (let index = 0; index < 3; index++) await createCase(figures.prisma, staff);
      const manager = staff.actors.manager;
      const fields = { figure: "open", period: "all-time", site: [] as string[] };
      const drillDown = drillDownExportSchema.parse(fields);
      const now = new Date();
      const today = now.toISOString().slice(0, 10) as Parameters<typeof exportFigureCases>[3];
      const direct = await exportFigureCases(figures.prisma, manager, drillDown, today, now);
      expect(direct.rowCount).toBe(3);

      const started = await startFigureCasesExport(figures.prisma, manager, drillDown, fields, today, now, 1);
      expect("queuedFileId" in started).toBe(true);
      const fileId = (started as { queuedFileId: string }).queuedFileId;
      await drainJobs(figures, [JOB.buildExportFile], () => new Date());

      const downloaded = await downloadExportFile(figures.prisma, manager, fileId);
      expect(downloaded.csv).toBe(direct.csv);
      await expect(downloadExportFile(figures.prisma, staff.actors.administrator, fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await figures.close();
    }
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))("without a job queue (a database without the queue's schema)", () => {
  it("an export over the threshold still downloads at once, and no file is queued", async () => {
    const embedded = await createTestDatabase();
    try {
      // The embedded database has the queue too (docs/decisions/0025-jobs-on-the-embedded-database.md): take it away.
      await embedded.prisma.$executeRaw`DROP SCHEMA graphile_worker CASCADE`;
      const staff = await createProvider(embedded.prisma);
      await recordSecurityEvent(embedded.prisma, staff.actors.caseworker, { action: "access_denied", entityType: "Case", entityId: "case-x" });
      const started = await startSecurityReportExport(embedded.prisma, staff.actors.administrator, {}, new Date(), 0);
      expect("file" in started && started.file.rowCount).toBeGreaterThanOrEqual(1);
      expect(await embedded.prisma.exportFile.count()).toBe(0);
    } finally {
      await embedded.close();
    }
  });
});
