import { sendDailyReminders } from "../reminders/send-daily-reminders";
import { sendDigestEmail } from "../reminders/send-digest-email";
import { recomputeDueDatesJob } from "../calendar/recompute-due-dates-job";
import { buildExportFileJob } from "../exports/build-export-file-job";
import { purgeExportFilesJob } from "../exports/purge-export-files-job";
import { commitImportJob } from "../imports/commit-import-job";
import { retentionNightlyJob } from "../retention/retention-job";
import { refreshDashboardSnapshotsJob } from "../dashboard/refresh-dashboard-snapshots-job";
import type { JobTask } from "./job-context";
import { JOB } from "./job-names";

/**
 * Every task the worker runs, by its queue identifier (docs/decisions/0022-background-jobs.md).
 * Adding a task is one line here plus its name in job-names.ts; to run it on a schedule, add a line
 * to CRON_SCHEDULE as well. A task's writes go in one transaction (or are idempotent, like the
 * reminder run), because a task that throws is retried with backoff and then kept as failed.
 */
export const TASKS: Record<string, JobTask> = {
  [JOB.dailyReminders]: async (payload, context) => void (await sendDailyReminders(payload, context)),
  [JOB.digestEmail]: sendDigestEmail,
  [JOB.recomputeDueDates]: recomputeDueDatesJob,
  [JOB.buildExportFile]: buildExportFileJob,
  [JOB.purgeExportFiles]: async (payload, context) => void (await purgeExportFilesJob(payload, context)),
  [JOB.importCommit]: commitImportJob,
  [JOB.retentionNightly]: async (payload, context) => void (await retentionNightlyJob(payload, context)),
  [JOB.dashboardSnapshots]: refreshDashboardSnapshotsJob,
};

/**
 * Cron items, matched in UTC by graphile-worker. The reminder run is every 15 minutes and itself
 * waits for 08:00 UK time (GMT or BST) and a working day; no backfill, so a worker that was
 * stopped sends today's digest only.
 */
export const CRON_SCHEDULE: readonly { task: string; match: string; identifier: string; maxAttempts: number }[] = [
  { task: JOB.dailyReminders, match: "*/15 * * * *", identifier: "daily-reminders", maxAttempts: 5 },
  { task: JOB.purgeExportFiles, match: "0 * * * *", identifier: "purge-export-files", maxAttempts: 3 },
  // 01:30 UTC; does nothing unless RETENTION_NIGHTLY=1 (lib/server/retention/retention-job.ts).
  { task: JOB.retentionNightly, match: "30 1 * * *", identifier: "retention-nightly", maxAttempts: 3 },
  // Large organisations' dashboard snapshots, recounted when a case changed or the day did
  // (lib/server/dashboard/refresh-dashboard-snapshots-job.ts); a quick check otherwise.
  { task: JOB.dashboardSnapshots, match: "*/5 * * * *", identifier: "dashboard-snapshots", maxAttempts: 3 },
];
