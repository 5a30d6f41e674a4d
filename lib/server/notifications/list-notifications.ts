import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { DigestSection } from "@/lib/domain/reminders/digest";
import type { UseCaseActor } from "../assert-can";
import { caseWhereVisibleTo } from "../cases/case-visibility";

export interface NotificationView {
  id: string;
  day: IsoDate;
  summary: string;
  sections: DigestSection[];
  read: boolean;
}

/** How far back the notifications page lists a person's digests. */
export const NOTIFICATION_LIST_LIMIT = 30;

/**
 * A person's own reminder digests, newest first. Only their own: the row was written for them,
 * with the case visibility they had (SCR cases named to nominated officers only).
 */
export async function listNotifications(db: Pick<PrismaClient, "reminderDigest">, actor: UseCaseActor): Promise<NotificationView[]> {
  const rows = await db.reminderDigest.findMany({
    where: { userId: actor.id, organisationId: actor.organisationId },
    orderBy: { day: "desc" },
    take: NOTIFICATION_LIST_LIMIT,
  });
  return rows.map((row) => ({
    id: row.id,
    day: isoDateFromDb(row.day),
    summary: row.summary,
    sections: row.sections as unknown as DigestSection[],
    read: row.readAt !== null,
  }));
}

/**
 * Case ids for the references the digests name, for links — through the one visibility rule, so a
 * case the person can no longer see (moved to SCR since) is shown unlinked and is not opened.
 */
export async function caseLinksFor(db: Pick<PrismaClient, "case">, actor: UseCaseActor, notifications: readonly NotificationView[]): Promise<Record<string, string>> {
  const references = [...new Set(notifications.flatMap((n) => n.sections.flatMap((s) => s.cases.map((c) => c.reference))))];
  if (references.length === 0) return {};
  const rows = await db.case.findMany({ where: { AND: [{ reference: { in: references } }, caseWhereVisibleTo(actor)] }, select: { id: true, reference: true } });
  return Object.fromEntries(rows.map((row) => [row.reference, row.id]));
}

