import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { nationFromCode } from "@/lib/domain/nation";
import { assertCan, type UseCaseActor } from "../assert-can";
import { loadCalendar } from "../reference/load-calendar";
import { loadSettings } from "../reference/load-settings";

type Reader = Pick<PrismaClient, "expectedReferral" | "site" | "bankHoliday" | "$queryRaw" | "setting">;

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
    take: 1000,
  });
  const sites = new Map((await db.site.findMany({ where: { organisationId: actor.organisationId }, select: { id: true, name: true, nation: true } })).map((site) => [site.id, site]));
  const calendar = await loadCalendar(db);
  const after = (await loadSettings(db, ["expectedReferral.missingAfterWorkingDays"]))["expectedReferral.missingAfterWorkingDays"];
  return rows.map((row) => {
    const site = sites.get(row.siteId);
    const calledOn = isoDateFromDb(row.calledOn);
    const missingFrom = calendar.addWorkingDays(calledOn, after + 1, nationFromCode(site?.nation ?? "england_and_wales"));
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

/** How many expected referrals are missing (the manager's dashboard count, the queue's link). */
export async function countExpectedReferrals(db: Reader, actor: UseCaseActor, today: IsoDate): Promise<{ expected: number; missing: number }> {
  const lines = await listExpectedReferrals(db, actor, today);
  return { expected: lines.length, missing: lines.filter((line) => line.missing).length };
}
