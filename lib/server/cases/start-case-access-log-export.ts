import type { PrismaClient } from "@/lib/db/prisma";
import { BACKGROUND_EXPORT_THRESHOLD } from "@/lib/domain/exports/export-files";
import type { UseCaseActor } from "../assert-can";
import { exportNowOrLater } from "../exports/export-now-or-later";
import { countCaseAccessLog, exportCaseAccessLog } from "./export-case-access-log";

/** A case's access log as CSV: up to the threshold now, over it a background file (docs/decisions/0022-background-jobs.md). */
export function startCaseAccessLogExport(prisma: PrismaClient, actor: UseCaseActor, caseId: string, threshold: number = BACKGROUND_EXPORT_THRESHOLD) {
  return exportNowOrLater(
    prisma,
    actor,
    {
      // The synchronous export itself records a refused attempt (LG-03); the count is only reached by an allowed one.
      count: () => exportCaseAccessLogAllowed(prisma, actor, caseId),
      now: () => exportCaseAccessLog(prisma, actor, caseId),
      later: { kind: "case-access-log", params: { caseId }, label: "Case access log export", filename: "access-log.csv" },
    },
    threshold,
  );
}

async function exportCaseAccessLogAllowed(prisma: PrismaClient, actor: UseCaseActor, caseId: string): Promise<number> {
  try {
    return await countCaseAccessLog(prisma, actor, caseId);
  } catch {
    // Refused or not found: let the synchronous export answer, so the refusal is logged as before.
    return 0;
  }
}
