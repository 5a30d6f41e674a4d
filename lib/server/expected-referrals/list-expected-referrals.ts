import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { nationFromCode, type NationCode } from "@/lib/domain/nation";
import { assertCan, type UseCaseActor } from "../assert-can";
import { loadCalendarForPages } from "../reference/load-calendar";
import { loadSettingsForPages } from "../reference/load-settings";
import { loadStaffAndSitesForPages, sitesIncluding } from "../reference/load-staff-and-sites";

/** Read outside a transaction: the calendar and the setting come from the per-process reference data. */
type Reader = PrismaClient;

/** The list holds at most this many (the oldest calls first). */
const LIST_LIMIT = 1000;

export interface ExpectedReferralLine {
  id: string;
  version: number;
  siteName: string;
  forename: string;
  surname: string;
  nino: string | null;
  dateOfBirth: IsoDate | null;
  handoverRole: string | null;
  handoverName: string;
  handoverPhone: string;
  handoverEmail: string;
  jobcentre: string | null;
  calledOn: IsoDate;
  calledAt: string | null;
  notes: string | null;
  /** The date from which, with no PRaP referral, it is a missing referral. */
  missingFrom: IsoDate;
  missing: boolean;
}

/**
 * The open expected referrals of the actor's organisation (3.05), oldest call first, each marked
 * missing once N working days (expectedReferral.missingAfterWorkingDays, in the site's nation's
 * calendar) have passed since the call with no PRaP referral attached.
 */
export async function listExpectedReferrals(db: Reader, actor: UseCaseActor, today: IsoDate, where: Prisma.ExpectedReferralWhereInput = {}): Promise<ExpectedReferralLine[]> {
  assertCan(actor, "read:case:any");
  const rows = await db.expectedReferral.findMany({
    where: { AND: [{ organisationId: actor.organisationId, status: "expected" }, where] },
    orderBy: [{ calledOn: "asc" }, { createdAt: "asc" }],
    take: LIST_LIMIT,
  });
  const { sites, missingFromOf } = await sitesAndMissingRule(db, actor, rows);
  return rows.map((row) => {
    const site = sites.get(row.siteId);
    const calledOn = isoDateFromDb(row.calledOn);
    const missingFrom = missingFromOf(calledOn, site?.nation);
    return {
      id: row.id,
      version: row.version,
      siteName: site?.name ?? "",
      forename: row.forename,
      surname: row.surname,
      nino: row.nino,
      dateOfBirth: row.dateOfBirth ? isoDateFromDb(row.dateOfBirth) : null,
      handoverRole: row.handoverRole,
      handoverName: row.handoverName,
      handoverPhone: row.handoverPhone,
      handoverEmail: row.handoverEmail,
      jobcentre: row.jobcentre,
      calledOn,
      calledAt: row.calledAt,
      notes: row.notes,
      missingFrom,
      missing: today >= missingFrom,
    };
  });
}

/** The date from which an expected referral called on a date, at a site of a nation, is missing (3.05). */
async function missingFromRule(db: Reader): Promise<(calledOn: IsoDate, nation: NationCode | undefined) => IsoDate> {
  const [calendar, settings] = await Promise.all([loadCalendarForPages(db), loadSettingsForPages(db, ["expectedReferral.missingAfterWorkingDays"])]);
  const after = settings["expectedReferral.missingAfterWorkingDays"];
  return (calledOn, nation) => calendar.addWorkingDays(calledOn, after + 1, nationFromCode(nation ?? "england_and_wales"));
}

/**
 * The lines' sites (names and nations, from the organisation's sites held per process:
 * docs/decisions/0039-staff-and-sites-per-process.md) and the rule that dates a line missing.
 */
async function sitesAndMissingRule(db: Reader, actor: UseCaseActor, rows: readonly { siteId: string }[]) {
  const [missingFromOf, heldSites] = await Promise.all([missingFromRule(db), loadStaffAndSitesForPages(db, actor.organisationId)]);
  return { missingFromOf, sites: await sitesIncluding(db, heldSites, rows.map((row) => row.siteId)) };
}

/**
 * How many expected referrals are missing (the manager's dashboard count, the queue's link): the
 * same lines as listExpectedReferrals, reading only the two columns the count needs, in one query.
 * It is read on every work queue page, so it is one statement of its own rather than a Prisma
 * query, whose client costs more than the statement (docs/decisions/0041-work-queue-in-sql.md).
 */
export async function countExpectedReferrals(db: Reader, actor: UseCaseActor, today: IsoDate): Promise<{ expected: number; missing: number }> {
  assertCan(actor, "read:case:any");
  const rows = await db.$queryRaw<{ calledOn: Date; siteId: string }[]>`
    SELECT e."calledOn", e."siteId"::text AS "siteId"
    FROM "ExpectedReferral" e
    WHERE e."organisationId" = ${actor.organisationId}::uuid AND e.status = 'expected'
    ORDER BY e."calledOn", e."createdAt"
    LIMIT ${LIST_LIMIT}`;
  if (rows.length === 0) return { expected: 0, missing: 0 };
  const { sites, missingFromOf } = await sitesAndMissingRule(db, actor, rows);
  const missing = rows.filter((row) => today >= missingFromOf(isoDateFromDb(row.calledOn), sites.get(row.siteId)?.nation)).length;
  return { expected: rows.length, missing };
}
