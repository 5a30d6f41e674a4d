import { z } from "zod";
import type { IsoDate } from "@/lib/calendar/iso-date";
import type { Prisma } from "@/lib/db/prisma";
import { exportFilename } from "@/lib/domain/dashboard/csv-columns";
import { DASHBOARD_LIST_LABELS, dashboardExportSchema } from "@/lib/domain/dashboard/filters";
import type { Permission } from "@/lib/domain/permissions";
import type { UseCaseActor } from "../assert-can";
import { auditDashboardExport, buildDashboardListFile } from "../dashboard/export-dashboard-list";

/**
 * Every export that can go to a background file (docs/decisions/0022-background-jobs.md): how to
 * build it again from its stored parameters — the export's own form fields, parsed by the same
 * schema as the synchronous route — as the user who asked, with the same permissions and
 * exclusions (SCR cases never appear: the list functions' own scope, decision 0005).
 */
export interface ExportKind {
  /** Needed to build and to download the file. */
  permissions: readonly Permission[];
  /** The stored parameters, checked again when the job runs. */
  parse(params: unknown): unknown;
  /** Read the rows (in a snapshot transaction), reporting progress. */
  build(tx: Prisma.TransactionClient, actor: UseCaseActor, params: never, fileId: string, onProgress: (written: number, total: number) => Promise<void>): Promise<{ csv: string; rowCount: number }>;
  /** The export's own audit row, written with the file's completion. */
  audit(tx: Prisma.TransactionClient, actor: UseCaseActor, params: never, rowCount: number, fileId: string): Promise<unknown>;
}

export const dashboardListParams = z.object({ fields: z.record(z.string(), z.string()), today: z.iso.date() });
export type DashboardListParams = z.infer<typeof dashboardListParams>;

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
} satisfies Record<string, ExportKind>;

export type ExportKindName = keyof typeof EXPORT_KINDS;

/** The downloads page's name for a dashboard export (no personal data: the list's name and the day). */
export function dashboardExportLabel(list: keyof typeof DASHBOARD_LIST_LABELS, today: string): { label: string; filename: string } {
  const name = DASHBOARD_LIST_LABELS[list];
  return { label: `Dashboard export of ${name}`, filename: exportFilename(list, today) };
}
