import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { MINIMUM_AUDIT_MONTHS, monthsBefore, RETENTION_CLASSES, retentionCutoffs, type RetentionClass, type RetentionCutoffs, type RetentionReport } from "@/lib/domain/retention";
import { recordAudit, type Actor } from "../audit/record-audit";
import { loadSettings } from "../reference/load-settings";

/**
 * The retention run (docs/security.md DP-02, LG-07; docs/decisions/0021-data-protection-and-least-privilege.md).
 * A plain function of the database and today, with no request context, so the admin page, the CLI
 * (`npm run retention -- --dry-run`) and a scheduled job all call the same thing.
 *
 * - A dry run counts what each class would remove and changes nothing.
 * - A real run deletes, in one transaction: closed cases past their class (their notes, forms,
 *   contact attempts, referrals and assignments go with them, by the schema's cascades), then the
 *   participants left with no case, read staff notices past their class and expired rate-limit
 *   counters; then audit rows past their class through purge_audit_events, the one door in the
 *   append-only audit table; and finally audits the run itself with the counts. Running it twice
 *   is harmless: the second run finds nothing due.
 */
export const RETENTION_RUN_ACTION = "retention.run";

const RETENTION_SETTING_KEYS = ["retention.closedCaseMonths", "retention.auditMonths", "retention.staffNoticeMonths"] as const;

export interface RetentionOptions {
  dryRun: boolean;
  today: IsoDate;
  /** Who asked: an administrator from the admin page, or null for the CLI or a scheduled job. */
  actor?: Actor | null;
  /** The instant expired counters are measured against (defaults to now). */
  now?: Date;
}

const startOfDay = (date: IsoDate) => new Date(`${date}T00:00:00.000Z`);

type Db = PrismaClient | Prisma.TransactionClient;

function dueWhere(cutoffs: RetentionCutoffs, now: Date) {
  const closedCases: Prisma.CaseWhereInput = { closedAt: { not: null, lt: startOfDay(cutoffs.closedCasesBefore) } };
  return {
    closedCases,
    // A participant goes when every case they have is due (or they have none left).
    participants: { cases: { every: closedCases } } satisfies Prisma.ClaimantWhereInput,
    audit: { at: { lt: startOfDay(cutoffs.auditBefore) } } satisfies Prisma.AuditEventWhereInput,
    staffNotices: { readAt: { not: null, lt: startOfDay(cutoffs.staffNoticesBefore) } } satisfies Prisma.StaffNoticeWhereInput,
    rateLimits: { windowEndsAt: { lt: now } } satisfies Prisma.RateLimitWhereInput,
  };
}

async function countDue(db: Db, cutoffs: RetentionCutoffs, now: Date): Promise<Record<RetentionClass, number>> {
  const where = dueWhere(cutoffs, now);
  const [closedCases, participants, auditEvents, staffNotices, rateLimits] = await Promise.all([
    db.case.count({ where: where.closedCases }),
    db.claimant.count({ where: where.participants }),
    db.auditEvent.count({ where: where.audit }),
    db.staffNotice.count({ where: where.staffNotices }),
    db.rateLimit.count({ where: where.rateLimits }),
  ]);
  return { closed_cases: closedCases, participants, audit_events: auditEvents, staff_notices: staffNotices, rate_limit_counters: rateLimits };
}

export async function runRetention(db: PrismaClient, options: RetentionOptions): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const settings = await loadSettings(db, RETENTION_SETTING_KEYS);
  const cutoffs = retentionCutoffs(options.today, settings);
  // purge_audit_events refuses anything newer than 6 months before the database's own clock, so a
  // rehearsal with a later `today` never asks it to (LG-07).
  const auditFloor = monthsBefore(todayInLondon(now), MINIMUM_AUDIT_MONTHS);
  if (cutoffs.auditBefore > auditFloor) cutoffs.auditBefore = auditFloor;
  if (options.dryRun) {
    return { dryRun: true, today: options.today, cutoffs, counts: await countDue(db, cutoffs, now) };
  }
  const counts = await db.$transaction(
    async (tx) => {
      const where = dueWhere(cutoffs, now);
      const closedCases = (await tx.case.deleteMany({ where: where.closedCases })).count;
      const participants = (await tx.claimant.deleteMany({ where: where.participants })).count;
      const staffNotices = (await tx.staffNotice.deleteMany({ where: where.staffNotices })).count;
      const rateLimits = (await tx.rateLimit.deleteMany({ where: where.rateLimits })).count;
      const [{ removed }] = await tx.$queryRaw<{ removed: number }[]>`SELECT "purge_audit_events"(${startOfDay(cutoffs.auditBefore)}::timestamptz) AS "removed"`;
      const result: Record<RetentionClass, number> = {
        closed_cases: closedCases,
        participants,
        audit_events: Number(removed),
        staff_notices: staffNotices,
        rate_limit_counters: rateLimits,
      };
      await recordAudit(tx, options.actor ?? null, {
        action: RETENTION_RUN_ACTION,
        entityType: "Retention",
        after: { today: options.today, ...cutoffs, counts: Object.fromEntries(RETENTION_CLASSES.map((key) => [key, result[key]])) },
      });
      return result;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { dryRun: false, today: options.today, cutoffs, counts };
}
