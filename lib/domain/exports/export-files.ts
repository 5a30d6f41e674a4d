import { runtimeMode, type ModeFlags } from "../runtime-mode";

/**
 * CSV exports over this many rows are built by a background job and offered on /downloads
 * (docs/decisions/0022-background-jobs.md); up to it, the file downloads at once as before.
 */
export const BACKGROUND_EXPORT_THRESHOLD = 5_000;

/** How long a background export file is kept (then the hourly purge deletes it). */
export const EXPORT_FILE_HOURS = 24;

/** Attempts a background export gets before its file is marked failed. */
export const EXPORT_FILE_MAX_ATTEMPTS = 3;

/**
 * The threshold in force. In demo mode only (the end-to-end server, `npm start`),
 * SES_BACKGROUND_EXPORT_THRESHOLD may lower it so a test can reach it with the demo data; in
 * production the constant always applies.
 */
export function backgroundExportThreshold(env: ModeFlags & { SES_BACKGROUND_EXPORT_THRESHOLD?: string }): number {
  const override = env.SES_BACKGROUND_EXPORT_THRESHOLD?.trim();
  if (runtimeMode(env) !== "demo" || !override || !/^\d{1,7}$/.test(override)) return BACKGROUND_EXPORT_THRESHOLD;
  return Number(override);
}

export type ExportFileStatus = "queued" | "running" | "ready" | "failed";

/** What the downloads page says of a file's state (never the code itself). */
export const EXPORT_FILE_STATUS_TEXT: Record<ExportFileStatus, string> = {
  queued: "Queued",
  running: "Being prepared",
  ready: "Ready",
  failed: "Failed",
};
