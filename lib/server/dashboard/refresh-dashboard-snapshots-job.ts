import type { JobContext } from "../jobs/job-context";
import { refreshDashboardSnapshots } from "./refresh-dashboard-snapshot";

/**
 * The `dashboard:refresh-snapshots` job (docs/decisions/0032-dashboard-at-a-million-cases.md, the
 * snapshot amendment), every 5 minutes: an organisation's snapshot is counted again when a case
 * was written since (or the day changed), so the dashboard's "Figures as of …" is at most a few
 * minutes behind a change and nothing is counted while nothing changes. Writes to cases pay
 * nothing for it (no trigger, no job queued per change). Each organisation is one transaction,
 * so a retry after a failure recounts only what is still out of date.
 */
export async function refreshDashboardSnapshotsJob(_payload: unknown, context: JobContext): Promise<void> {
  const results = await refreshDashboardSnapshots(context.db, context.now());
  for (const result of results) {
    if (result.outcome === "built") console.log(`dashboard snapshot: organisation ${result.organisationId} counted in ${result.refreshMs} ms (${result.startRows} start rows, ${result.funnelRows} funnel rows; ${result.rowsWritten} written)`);
  }
}
