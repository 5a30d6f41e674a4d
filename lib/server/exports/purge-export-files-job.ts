import type { JobContext } from "../jobs/job-context";

/** The hourly purge: export files past their 24 hours are deleted, content and all (docs/decisions/0022-background-jobs.md). */
export async function purgeExportFilesJob(_payload: unknown, context: JobContext): Promise<number> {
  const { count } = await context.db.exportFile.deleteMany({ where: { expiresAt: { lte: context.now() } } });
  return count;
}
