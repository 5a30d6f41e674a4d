/**
 * Seeding. Two layers:
 * - seedReferenceData: what every installation needs and that holds no personal data: the
 *   shipped bank holidays, the administrator-editable reason lists and default settings.
 *   Used in production too. Idempotent: existing rows (maybe edited by an administrator) are
 *   never overwritten.
 * - seedDemo: reference data, then the demo organisation, people and cases of demo/ for
 *   a given `today`. Idempotent: if the demo organisation exists, nothing is written.
 */
import { isIsoDate, shippedBankHolidays, type IsoDate, type WorkingDayCalendar } from "@/lib/calendar/index";
import { buildDigest } from "@/lib/domain/reminders/digest";
import { hashPassword } from "@/lib/server/auth/password";
import { DEMO_TOTP_SECRET, sealTotpSecret } from "@/lib/security/mfa-secret";
import { isoDateToDb } from "@/lib/db/dates";
import type { CaseRoute, CaseState, Prisma, PrismaClient } from "@/lib/db/prisma";
import { nationFromCode, nationToCode } from "@/lib/domain/nation";
import { SETTING_KEYS, SETTINGS } from "@/lib/domain/settings";
import { loadCalendar } from "@/lib/server/reference/load-calendar";
import {
  DEMO_ORGANISATION_ID,
  DEMO_ORGANISATION_NAME,
  DEMO_PASSWORD,
  DEMO_SIGN_INS,
  DEMO_USERS,
  buildDemoDataset,
  type DemoDataset,
  type DemoSignIn,
} from "./demo";
import { userId as demoUserId } from "./demo/people";
import { seedId } from "./ids";
import { REASON_DEFINITIONS, reasonId } from "./reasons";

export { DEMO_PASSWORD, DEMO_SIGN_INS, type DemoSignIn } from "./demo";

type Db = PrismaClient | Prisma.TransactionClient;

// ─── Reference data (production too) ────────────────────────────────────────────────────

/** Default settings, from their one declaration (lib/domain/settings.ts). */
export const DEFAULT_SETTINGS: readonly { key: string; value: Prisma.InputJsonValue }[] = SETTING_KEYS.map((key) => ({
  key,
  value: SETTINGS[key].default,
}));

/** Where the demo records the `today` it was built for (so a stale demo can be spotted). */
export const DEMO_SEEDED_FOR_SETTING = "demo.seededFor";

export interface ReferenceDataSummary {
  /** Rows inserted this time (existing rows are kept as they are). */
  bankHolidays: number;
  reasons: number;
  settings: number;
}

const SHIPPED_YEARS_SETTING = "calendar.shippedYearsLoaded";

export async function seedReferenceData(prisma: Db): Promise<ReferenceDataSummary> {
  // Bank holidays: the shipped GOV.UK copy plus the computed 2016 Scotland/NI dates (flagged
  // `computed` for an administrator to confirm). Each shipped (nation, year) is loaded once and
  // remembered in the Setting "calendar.shippedYearsLoaded": this runs at every start, and must
  // never bring back a holiday — or a whole year — that an administrator removed or moved, while
  // a newer release's extra years still arrive. A (nation, year) that already has rows (entered
  // by an administrator before the release shipped it) is left alone too. Unique on (nation, date).
  const record = await prisma.setting.findUnique({ where: { key: SHIPPED_YEARS_SETTING } });
  const alreadyShipped = new Set(Array.isArray(record?.value) ? (record.value as string[]) : []);
  const loaded = await prisma.bankHoliday.findMany({ select: { nation: true, date: true } });
  const yearsWithRows = new Set(loaded.map((row) => `${row.nation}:${row.date.getUTCFullYear()}`));
  const shipped = shippedBankHolidays().map((holiday) => ({ holiday, year: `${nationToCode(holiday.nation)}:${holiday.date.slice(0, 4)}` }));
  const bankHolidays = await prisma.bankHoliday.createMany({
    data: shipped
      .filter(({ year }) => !alreadyShipped.has(year) && !yearsWithRows.has(year))
      .map(({ holiday }) => ({
        id: seedId(`bank-holiday:${holiday.nation}:${holiday.date}`),
        nation: nationToCode(holiday.nation),
        date: isoDateToDb(holiday.date),
        title: holiday.title,
        notes: holiday.notes === "" ? null : holiday.notes,
        computed: holiday.computed,
      })),
    skipDuplicates: true,
  });
  const shippedYears = [...new Set([...alreadyShipped, ...shipped.map(({ year }) => year)])].sort();
  await prisma.setting.upsert({
    where: { key: SHIPPED_YEARS_SETTING },
    create: { key: SHIPPED_YEARS_SETTING, value: shippedYears },
    update: { value: shippedYears },
  });
  const reasons = await prisma.reason.createMany({
    data: REASON_DEFINITIONS.map((reason, index) => ({
      id: reasonId(reason.kind, reason.code),
      kind: reason.kind,
      code: reason.code,
      label: reason.label,
      prapLabel: reason.prapLabel,
      sortOrder: (index + 1) * 10,
    })),
    skipDuplicates: true,
  });
  const settings = await prisma.setting.createMany({
    data: DEFAULT_SETTINGS.map((setting) => ({ key: setting.key, value: setting.value })),
    skipDuplicates: true,
  });
  return { bankHolidays: bankHolidays.count, reasons: reasons.count, settings: settings.count };
}

// ─── Demo data ──────────────────────────────────────────────────────────────────────────

export interface DemoSeedSummary {
  /** True when the demo organisation already existed, so nothing was written. */
  alreadySeeded: boolean;
  organisationId: string;
  organisationName: string;
  /** The `today` the demo cases were built for (an earlier one when already seeded). */
  seededFor: IsoDate | null;
  cases: number;
  byRoute: Partial<Record<CaseRoute, number>>;
  byState: Partial<Record<CaseState, number>>;
  /** Sorted by route then state. */
  byRouteAndState: { route: CaseRoute; state: CaseState; count: number }[];
  password: string;
  signIns: readonly DemoSignIn[];
}

export interface SeedDemoOptions {
  /** The date the demo is built around (YYYY-MM-DD, UK): every case date is relative to it. */
  today: IsoDate;
}

export async function seedDemo(prisma: PrismaClient, options: SeedDemoOptions): Promise<DemoSeedSummary> {
  const { today } = options;
  if (!isIsoDate(today)) throw new TypeError(`seedDemo needs today as YYYY-MM-DD, got ${JSON.stringify(today)}`);
  await seedReferenceData(prisma);

  const existing = await prisma.organisation.findFirst({
    where: { OR: [{ id: DEMO_ORGANISATION_ID }, { name: DEMO_ORGANISATION_NAME }] },
    select: { id: true },
  });
  if (existing) return summarise(prisma, existing.id, true);

  const clashes = await prisma.user.findMany({
    where: { email: { in: DEMO_USERS.map((user) => user.email) } },
    select: { email: true },
  });
  if (clashes.length > 0) {
    throw new Error(
      `Cannot load the demo: these accounts already exist outside the demo organisation: ${clashes.map((user) => user.email).join(", ")}`,
    );
  }

  // The calendar as stored (bank holidays just seeded, plus any administrator edits).
  const calendar = await loadCalendar(prisma);
  // argon2id costs ~30-50 ms: hash once, share it (the demo password is the same for all).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // The demo accounts' second factor (AU-04) is sealed with AUTH_SECRET, as the app will read it;
  // without one (a bare `db:seed`), they set it up at their first sign-in instead.
  const authSecret = process.env.AUTH_SECRET;
  const mfaSecretFor = authSecret ? (id: string) => sealTotpSecret(id, DEMO_TOTP_SECRET, authSecret) : undefined;
  const dataset = buildDemoDataset({ today, calendar, passwordHash, mfaSecretFor });

  await prisma.$transaction(
    async (tx) => {
      await writeDataset(tx, dataset);
      await writeDemoDigest(tx, dataset, today, calendar);
      await tx.setting.upsert({
        where: { key: DEMO_SEEDED_FOR_SETTING },
        create: { key: DEMO_SEEDED_FOR_SETTING, value: today },
        update: { value: today },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return summarise(prisma, DEMO_ORGANISATION_ID, false);
}

/**
 * One reminder digest for today, for the Glasgow caseworker (docs/decisions/0022-background-jobs.md):
 * the daily run writes digests only from 08:00 UK time on a working day, so a demo started at
 * another time would show none; this lets the demo and the end-to-end tests show /notifications
 * and the header's unread count at any hour (the run skips a person who already has today's). Built by the
 * same domain function as the daily run, from that caseworker's open cases.
 */
async function writeDemoDigest(tx: Prisma.TransactionClient, data: DemoDataset, today: IsoDate, calendar: WorkingDayCalendar): Promise<void> {
  const userId = demoUserId("caseworkerGlasgow");
  const user = data.users.find((row) => row.id === userId);
  if (!user) return;
  const mine = data.cases.filter((row) => row.assignedCaseworkerId === userId && !row.closedAt);
  const asDate = (value: unknown): IsoDate | null => (value instanceof Date ? (value.toISOString().slice(0, 10) as IsoDate) : typeof value === "string" ? (value.slice(0, 10) as IsoDate) : null);
  const digest =
    buildDigest({
      today,
      dueSoonUntil: calendar.addWorkingDays(today, 10, nationFromCode("scotland")),
      assigned: mine.map((row) => ({ reference: row.reference, dueOn: asDate(row.nextDeadlineOn) })),
    }) ??
    buildDigest({ today, dueSoonUntil: today, unassigned: { total: mine.length || 1, cases: mine.slice(0, 3).map((row) => ({ reference: row.reference, dueOn: null })) } });
  if (!digest) return;
  await tx.reminderDigest.create({
    data: { userId, organisationId: user.organisationId, day: isoDateToDb(today), summary: digest.summary, sections: digest.sections as unknown as Prisma.InputJsonValue },
  });
}

/** One createMany per table, in foreign-key order. */
async function writeDataset(tx: Prisma.TransactionClient, data: DemoDataset): Promise<void> {
  await tx.organisation.createMany({ data: [data.organisation] });
  await tx.site.createMany({ data: data.sites });
  await tx.user.createMany({ data: data.users });
  await tx.contact.createMany({ data: data.siteContacts });
  await tx.claimant.createMany({ data: data.claimants });
  await tx.employmentHistory.createMany({ data: data.employmentHistory });
  await tx.qualification.createMany({ data: data.qualifications });
  await tx.case.createMany({ data: data.cases });
  await tx.contact.createMany({ data: data.caseContacts });
  await tx.prapReferral.createMany({ data: data.prapReferrals });
  await tx.caseAssignment.createMany({ data: data.caseAssignments });
  await tx.initialAssessment.createMany({ data: data.initialAssessments });
  await tx.uc452Form.createMany({ data: data.uc452Forms });
  await tx.uc452Email.createMany({ data: data.uc452Emails });
  await tx.ucpr1Form.createMany({ data: data.ucpr1Forms });
  await tx.sessro1Form.createMany({ data: data.sessro1Forms });
  await tx.sl2Form.createMany({ data: data.sl2Forms });
  await tx.scrDuplicateAlert.createMany({ data: data.scrDuplicateAlerts });
  await tx.mappaAnnex.createMany({ data: data.mappaAnnexes });
  await tx.mappaLetter.createMany({ data: data.mappaLetters });
  await tx.securePostLog.createMany({ data: data.securePost });
  await tx.contactAttempt.createMany({ data: data.contactAttempts });
  await tx.caseNote.createMany({ data: data.caseNotes });
  await tx.auditEvent.createMany({ data: data.auditEvents });
}

async function summarise(prisma: PrismaClient, organisationId: string, alreadySeeded: boolean): Promise<DemoSeedSummary> {
  const [organisation, groups, seededFor] = await Promise.all([
    prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } }),
    prisma.case.groupBy({ by: ["route", "state"], where: { organisationId }, _count: { _all: true } }),
    prisma.setting.findUnique({ where: { key: DEMO_SEEDED_FOR_SETTING }, select: { value: true } }),
  ]);
  const byRouteAndState = groups
    .map((group) => ({ route: group.route, state: group.state, count: group._count._all }))
    .sort((a, b) => (a.route === b.route ? (a.state < b.state ? -1 : 1) : a.route < b.route ? -1 : 1));
  const byRoute: Partial<Record<CaseRoute, number>> = {};
  const byState: Partial<Record<CaseState, number>> = {};
  for (const { route, state, count } of byRouteAndState) {
    byRoute[route] = (byRoute[route] ?? 0) + count;
    byState[state] = (byState[state] ?? 0) + count;
  }
  return {
    alreadySeeded,
    organisationId,
    organisationName: organisation.name,
    seededFor: typeof seededFor?.value === "string" ? seededFor.value : null,
    cases: byRouteAndState.reduce((total, group) => total + group.count, 0),
    byRoute,
    byState,
    byRouteAndState,
    password: DEMO_PASSWORD,
    signIns: DEMO_SIGN_INS,
  };
}
