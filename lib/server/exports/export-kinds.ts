import { z } from "zod";
import type { IsoDate } from "@/lib/calendar/iso-date";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { exportFilename } from "@/lib/domain/dashboard/csv-columns";
import { DASHBOARD_LIST_LABELS, dashboardExportSchema } from "@/lib/domain/dashboard/filters";
import type { Permission } from "@/lib/domain/permissions";
import type { UseCaseActor } from "../assert-can";
import { auditDashboardExport, buildDashboardListFile } from "../dashboard/export-dashboard-list";
import { exportFigureCases } from "../dashboard/export-figure-cases";
import { drillDownExportSchema } from "@/lib/domain/dashboard/drill-down";
import { exportCaseAccessLog } from "../cases/export-case-access-log";
import { exportImportReport } from "../imports/export-import-report";
import { exportReconciliationList } from "../imports/get-reconciliation";
import { exportSecurityReport } from "../security/export-security-report";
import { securityReportFiltersSchema } from "@/lib/domain/security/security-report";
import { RECONCILIATION_LISTS, type ReconciliationList } from "@/lib/domain/import/reconcile";

/**
 * Every export that can go to a background file (docs/decisions/0022-background-jobs.md): how to
 * build it again from its stored parameters — the export's own form fields, parsed by the same
 * schema as the synchronous route — as the user who asked, with the same permissions and
 * exclusions (SCR cases never appear: the list functions' own scope, decision 0005).
 */
export type ExportKind = {
  /** Needed to build and to download the file. */
  permissions: readonly Permission[];
  /** The stored parameters, checked again when the job runs. */
  parse(params: unknown): unknown;
} & (
  | {
      /** Paged: read the rows in a snapshot transaction, reporting progress after each page… */
      build(tx: Prisma.TransactionClient, actor: UseCaseActor, params: never, fileId: string, onProgress: (written: number, total: number) => Promise<void>): Promise<{ csv: string; rowCount: number }>;
      /** …then the export's own audit row, written with the file's completion. */
      audit(tx: Prisma.TransactionClient, actor: UseCaseActor, params: never, rowCount: number, fileId: string): Promise<unknown>;
    }
  | {
      /**
       * Whole: the synchronous export itself (its rows, its own audit row), run in the transaction
       * that stores the file, so the file and its audit row commit together.
       */
      whole(tx: PrismaClient, actor: UseCaseActor, params: never): Promise<{ csv: string; filename: string; rowCount: number }>;
    }
);

/** A form's fields: text, or several values of one name (the dashboard's sites). */
const formFields = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export const dashboardListParams = z.object({ fields: formFields, today: z.iso.date() });
export type DashboardListParams = z.infer<typeof dashboardListParams>;

export const figureCasesParams = z.object({ fields: formFields, today: z.iso.date(), at: z.iso.datetime() });
type FigureCasesParams = z.infer<typeof figureCasesParams>;
export const securityReportParams = z.object({ fields: z.record(z.string(), z.string()), at: z.iso.datetime() });
type SecurityReportParams = z.infer<typeof securityReportParams>;
export const caseAccessLogParams = z.object({ caseId: z.string().max(100) });
type CaseAccessLogParams = z.infer<typeof caseAccessLogParams>;
export const importReportParams = z.object({ importId: z.string().max(100) });
type ImportReportParams = z.infer<typeof importReportParams>;
export const reconciliationListParams = z.object({ reconciliationId: z.string().max(100), list: z.enum(RECONCILIATION_LISTS.map((entry) => entry.list) as [ReconciliationList, ...ReconciliationList[]]) });
type ReconciliationListParams = z.infer<typeof reconciliationListParams>;

function dashboardRequest(params: DashboardListParams) {
  return dashboardExportSchema.parse(params.fields);
}

export const EXPORT_KINDS = {
  "dashboard-list": {
    permissions: ["read:dashboard:any", "export:case-list:any"],
    parse: (params: unknown) => dashboardListParams.parse(params),
    build: (tx, actor, params: DashboardListParams, fileId, onProgress) => buildDashboardListFile(tx, actor, dashboardRequest(params), params.today as IsoDate, fileId, onProgress),
    audit: (tx, actor, params: DashboardListParams, rowCount, fileId) => auditDashboardExport(tx, actor, dashboardRequest(params), rowCount, fileId),
  },
  "figure-cases": {
    permissions: ["read:dashboard:any", "export:case-list:any"],
    parse: (params: unknown) => figureCasesParams.parse(params),
    whole: (tx, actor, params: FigureCasesParams) => exportFigureCases(tx, actor, drillDownExportSchema.parse(params.fields), params.today as IsoDate, new Date(params.at)),
  },
  "security-report": {
    permissions: ["read:security-report:any"],
    parse: (params: unknown) => securityReportParams.parse(params),
    whole: (tx, actor, params: SecurityReportParams) => exportSecurityReport(tx, actor, securityReportFiltersSchema.parse(params.fields), new Date(params.at)),
  },
  "case-access-log": {
    permissions: ["read:restricted-case:any"],
    parse: (params: unknown) => caseAccessLogParams.parse(params),
    whole: (tx, actor, params: CaseAccessLogParams) => exportCaseAccessLog(tx, actor, params.caseId),
  },
  "import-report": {
    permissions: ["import:referral:any"],
    parse: (params: unknown) => importReportParams.parse(params),
    whole: async (tx, actor, params: ImportReportParams) => {
      const file = await exportImportReport(tx, actor, params.importId);
      return { ...file, rowCount: 0 };
    },
  },
  "reconciliation-list": {
    permissions: ["import:referral:any"],
    parse: (params: unknown) => reconciliationListParams.parse(params),
    whole: async (tx, actor, params: ReconciliationListParams) => ({ ...(await exportReconciliationList(tx, actor, params.reconciliationId, params.list as ReconciliationList)), rowCount: 0 }),
  },
} satisfies Record<string, ExportKind>;

export type ExportKindName = keyof typeof EXPORT_KINDS;

/** The downloads page's name for a dashboard export (no personal data: the list's name and the day). */
export function dashboardExportLabel(list: keyof typeof DASHBOARD_LIST_LABELS, today: string): { label: string; filename: string } {
  const name = DASHBOARD_LIST_LABELS[list];
  return { label: `Dashboard export of ${name}`, filename: exportFilename(list, today) };
}
