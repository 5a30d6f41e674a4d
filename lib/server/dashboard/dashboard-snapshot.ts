import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";

/**
 * The moment of an organisation's dashboard snapshot (docs/decisions/0032-dashboard-at-a-million-cases.md,
 * the snapshot amendment): the start target and the funnel are then read from its rows, counted
 * at `takenAt` with `asOfDate` as today. null (no snapshot, or one counted after `today`, as a test
 * or a replay asking about an earlier day would): the dashboard counts live.
 */
export interface SnapshotMoment {
  takenAt: Date;
  asOfDate: IsoDate;
}

export async function loadSnapshotMoment(db: Pick<PrismaClient, "dashboardSnapshot">, organisationId: string, today: IsoDate): Promise<SnapshotMoment | null> {
  const row = await db.dashboardSnapshot.findUnique({ where: { organisationId }, select: { takenAt: true, asOfDate: true } });
  const asOfDate = isoDateFromDb(row?.asOfDate ?? null);
  if (!row || !asOfDate || asOfDate > today) return null;
  return { takenAt: row.takenAt, asOfDate };
}
