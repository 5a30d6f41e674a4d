/** The task identifiers in the queue (graphile-worker's `task_identifier`). Never rename one that has jobs queued. */
export const JOB = {
  dailyReminders: "reminders:daily",
  digestEmail: "reminders:digest-email",
  recomputeDueDates: "calendar:recompute-due-dates",
  buildExportFile: "exports:build-file",
  purgeExportFiles: "exports:purge-expired",
  importCommit: "imports:commit",
  retentionNightly: "retention:nightly",
  dashboardSnapshots: "dashboard:refresh-snapshots",
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];
