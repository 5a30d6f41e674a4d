import { todayInLondon } from "@/lib/calendar/iso-date";
import type { RetentionReport } from "@/lib/domain/retention";
import type { JobContext } from "../jobs/job-context";
import { runRetention } from "./run-retention";

/**
 * The nightly retention run on the job queue (docs/security.md DP-02, LG-07;
 * docs/decisions/0021-data-protection-and-least-privilege.md): the same runRetention as the
 * administrator's page and `npm run retention`, as the system, today in London. A deployment opts
 * in with RETENTION_NIGHTLY=1: deleting people's records on a schedule is a decision its data
 * controller takes, and the demo's closed cases from 2016–2017 would otherwise be purged. Twice in
 * a night is harmless (the second run finds nothing due), and one run is one transaction.
 */
export function nightlyRetentionOn(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.RETENTION_NIGHTLY?.trim() === "1";
}

export async function retentionNightlyJob(_payload: unknown, context: JobContext): Promise<RetentionReport | null> {
  if (!nightlyRetentionOn()) return null;
  const now = context.now();
  return runRetention(context.db, { dryRun: false, today: todayInLondon(now), now, actor: null });
}
