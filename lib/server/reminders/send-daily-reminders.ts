import { z } from "zod";
import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { CASE_STATES, CLOSED_STATES } from "@/lib/domain/case-states";
import { nationFromCode, type NationCode } from "@/lib/domain/nation";
import type { Role } from "@/lib/domain/permissions";
import { buildDigest, DIGEST_LIST_LIMIT, londonHour, REMINDER_HOUR, type Digest, type DigestCase } from "@/lib/domain/reminders/digest";
import { caseWhereVisibleTo } from "../cases/case-visibility";
import { STILL_TO_DO } from "../cases/still-to-do";
import { enqueueJob } from "../jobs/enqueue-job";
import type { JobContext } from "../jobs/job-context";
import { JOB } from "../jobs/job-names";
import { loadCalendar } from "../reference/load-calendar";
import { loadSettings } from "../reference/load-settings";

const openStates = CASE_STATES.filter((state) => !CLOSED_STATES.has(state));

const payloadSchema = z.object({}).passthrough();

export interface DailyRemindersResult {
  day: IsoDate | null;
  written: number;
  skippedNotWorkingDay: number;
}

interface Recipient {
  id: string;
  organisationId: string;
  roles: Role[];
  /** The nations of the user's sites, primary first (docs/decisions/0030-users-with-several-sites.md). */
  nations: NationCode[];
}

/**
 * The daily reminder run (docs/decisions/0022-background-jobs.md). Runs every 15 minutes from
 * cron and does nothing before 08:00 UK time; after that it writes each person's digest for today
 * once: the unique (userId, day) row and the job that e-mails it commit together, so a second
 * worker, a second instance or a rerun after a crash finds the row and skips that person. Today
 * is always the real today — a worker stopped for days sends one digest, not a backlog.
 */
export async function sendDailyReminders(payload: unknown, context: JobContext): Promise<DailyRemindersResult> {
  payloadSchema.parse(payload ?? {});
  const now = context.now();
  if (londonHour(now) < REMINDER_HOUR) return { day: null, written: 0, skippedNotWorkingDay: 0 };
  const today = todayInLondon(now);
  const { db } = context;
  const [calendar, settings, recipients] = await Promise.all([
    loadCalendar(db),
    loadSettings(db, ["deadline.dueSoonWorkingDays"]),
    loadRecipients(db),
  ]);
  const done = new Set(
    (await db.reminderDigest.findMany({ where: { day: isoDateToDb(today) }, select: { userId: true } })).map((row) => row.userId),
  );
  let written = 0;
  let skippedNotWorkingDay = 0;
  for (const recipient of recipients) {
    // The sites' nation calendars: no reminders at weekends or on a day that is a bank holiday at every
    // one of the user's sites; the "due soon" horizon follows the first of their sites working today.
    const code = recipient.nations.find((candidate) => calendar.isWorkingDay(today, nationFromCode(candidate)));
    if (code === undefined) {
      skippedNotWorkingDay++;
      continue;
    }
    if (done.has(recipient.id)) continue;
    const nation = nationFromCode(code);
    const dueSoonUntil = calendar.addWorkingDays(today, settings["deadline.dueSoonWorkingDays"], nation);
    const digest = await digestFor(db, recipient, today, dueSoonUntil);
    if (!digest) continue;
    if (await writeDigest(db, recipient, today, digest, context.mailer !== null)) written++;
    context.onDigestWritten?.();
  }
  return { day: today, written, skippedNotWorkingDay };
}

async function loadRecipients(db: PrismaClient): Promise<Recipient[]> {
  const users = await db.user.findMany({
    where: { active: true, roles: { hasSome: ["caseworker", "manager"] } },
    select: {
      id: true,
      organisationId: true,
      roles: true,
      site: { select: { nation: true } },
      sites: { select: { site: { select: { nation: true } } }, orderBy: { site: { name: "asc" } } },
    },
    orderBy: { id: "asc" },
  });
  // A user with no site follows their organisation's first site's calendar (England and Wales if none).
  const sites = await db.site.findMany({ select: { organisationId: true, nation: true }, orderBy: { createdAt: "asc" } });
  const orgNation = new Map<string, NationCode>();
  for (const site of sites) if (!orgNation.has(site.organisationId)) orgNation.set(site.organisationId, site.nation);
  return users.map((user) => {
    const nations = [...new Set([...(user.site ? [user.site.nation] : []), ...user.sites.map((held) => held.site.nation)])];
    return {
      id: user.id,
      organisationId: user.organisationId,
      roles: user.roles,
      nations: nations.length > 0 ? nations : [orgNation.get(user.organisationId) ?? "england_and_wales"],
    };
  });
}

const toDigestCase = (reference: string, dueOn: Date | null): DigestCase => ({ reference, dueOn: isoDateFromDb(dueOn) });

async function digestFor(db: PrismaClient, recipient: Recipient, today: IsoDate, dueSoonUntil: IsoDate): Promise<Digest | null> {
  // The same visibility as the case list: an SCR case is named to nominated officers only (13.77).
  const visible = caseWhereVisibleTo(recipient);
  const horizon = isoDateToDb(dueSoonUntil);
  const isCaseworker = recipient.roles.includes("caseworker") || recipient.roles.includes("nominated_officer");
  const isManager = recipient.roles.includes("manager");
  const assigned = isCaseworker
    ? await db.case.findMany({
        where: { AND: [visible, STILL_TO_DO, { assignedCaseworkerId: recipient.id, nextDeadlineOn: { lte: horizon } }] },
        select: { reference: true, nextDeadlineOn: true },
        orderBy: [{ nextDeadlineOn: "asc" }, { reference: "asc" }],
        take: 500,
      })
    : undefined;
  let unassigned: { total: number; cases: DigestCase[] } | undefined;
  let startBreaches: { total: number; cases: DigestCase[] } | undefined;
  if (isManager) {
    const unassignedWhere: Prisma.CaseWhereInput = { AND: [visible, STILL_TO_DO, { assignedCaseworkerId: null }] };
    const breachWhere: Prisma.CaseWhereInput = {
      AND: [visible, { state: { in: openStates }, startedOn: null, startDueOn: { lte: horizon } }],
    };
    const [unassignedTotal, unassignedRows, breachTotal, breachRows] = await Promise.all([
      db.case.count({ where: unassignedWhere }),
      db.case.findMany({ where: unassignedWhere, select: { reference: true, nextDeadlineOn: true }, orderBy: [{ nextDeadlineOn: "asc" }, { reference: "asc" }], take: DIGEST_LIST_LIMIT }),
      db.case.count({ where: breachWhere }),
      db.case.findMany({ where: breachWhere, select: { reference: true, startDueOn: true }, orderBy: [{ startDueOn: "asc" }, { reference: "asc" }], take: DIGEST_LIST_LIMIT }),
    ]);
    unassigned = { total: unassignedTotal, cases: unassignedRows.map((row) => toDigestCase(row.reference, row.nextDeadlineOn)) };
    startBreaches = { total: breachTotal, cases: breachRows.map((row) => toDigestCase(row.reference, row.startDueOn)) };
  }
  return buildDigest({
    today,
    dueSoonUntil,
    assigned: assigned?.map((row) => toDigestCase(row.reference, row.nextDeadlineOn)),
    unassigned,
    startBreaches,
  });
}

/** The digest row and its e-mail job in one transaction; false when another run wrote it first. */
async function writeDigest(db: PrismaClient, recipient: Recipient, today: IsoDate, digest: Digest, email: boolean): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "ReminderDigest" ("id", "userId", "organisationId", "day", "summary", "sections")
      VALUES (gen_random_uuid(), ${recipient.id}::uuid, ${recipient.organisationId}::uuid, ${today}::date, ${digest.summary}, ${JSON.stringify(digest.sections)}::jsonb)
      ON CONFLICT ("userId", "day") DO NOTHING
      RETURNING "id"::text AS id`;
    if (inserted.length === 0) return false;
    // The outbox: one e-mail job per digest, keyed by the digest, so it is sent once however often it is retried.
    if (email) await enqueueJob(tx, JOB.digestEmail, { digestId: inserted[0].id }, { jobKey: `digest-email:${inserted[0].id}`, maxAttempts: 10 });
    return true;
  });
}
