import type { PrismaClient } from "@/lib/db/prisma";
import { BACKGROUND_EXPORT_THRESHOLD } from "@/lib/domain/exports/export-files";
import type { UseCaseActor } from "../assert-can";
import { exportNowOrLater } from "../exports/export-now-or-later";
import { countImportReport, exportImportReport } from "./export-import-report";

/** An import's report as CSV: up to the threshold now, over it a background file (docs/decisions/0022-background-jobs.md). */
export function startImportReportExport(prisma: PrismaClient, actor: UseCaseActor, importId: string, threshold: number = BACKGROUND_EXPORT_THRESHOLD) {
  return exportNowOrLater(
    prisma,
    actor,
    {
      count: () => countImportReport(prisma, actor, importId),
      now: () => exportImportReport(prisma, actor, importId),
      later: { kind: "import-report", params: { importId }, label: "Import report", filename: "import-report.csv" },
    },
    threshold,
  );
}
