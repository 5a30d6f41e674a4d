import type { PrismaClient } from "@/lib/db/prisma";
import { BACKGROUND_EXPORT_THRESHOLD } from "@/lib/domain/exports/export-files";
import { securityReportFiltersSchema } from "@/lib/domain/security/security-report";
import type { UseCaseActor } from "../assert-can";
import { exportNowOrLater } from "../exports/export-now-or-later";
import { countSecurityReport, exportSecurityReport } from "./export-security-report";

/** The security report's CSV: up to the threshold now, over it a background file (docs/decisions/0022-background-jobs.md). */
export function startSecurityReportExport(prisma: PrismaClient, actor: UseCaseActor, fields: Record<string, string>, now: Date, threshold: number = BACKGROUND_EXPORT_THRESHOLD) {
  const filters = securityReportFiltersSchema.parse(fields);
  return exportNowOrLater(
    prisma,
    actor,
    {
      count: () => countSecurityReport(prisma, actor, filters),
      now: () => exportSecurityReport(prisma, actor, filters, now),
      later: { kind: "security-report", params: { fields, at: now.toISOString() }, label: "Security report export", filename: `security-report-${now.toISOString().slice(0, 10)}.csv` },
    },
    threshold,
    now,
  );
}
