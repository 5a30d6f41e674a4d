import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedBankHolidays } from "@/lib/calendar";
import { isoDateFromDb } from "@/lib/db/dates";
import type { CaseRoute, PrismaClient } from "@/lib/db/prisma";
import { DEMO_ORGANISATION_ID, DEMO_PASSWORD, DEMO_SIGN_INS, DEMO_USERS, REASON_DEFINITIONS, userId, type DemoUserKey } from "@/lib/seed/demo";
import { getRestrictedQueue } from "@/lib/server/scr/get-restricted-queue";
import { listWorkQueue } from "@/lib/server/cases/list-work-queue";
import { DEFAULT_SETTINGS, seedDemo, seedReferenceData, type DemoSeedSummary } from "@/lib/seed/seed-demo";
import { verifyPassword } from "@/lib/server/auth/password";
import { passwordProblem } from "@/lib/domain/password-policy";
import { clockFactsFor } from "@/lib/domain/case-clock-facts";
import { CASE_STATES } from "@/lib/domain/case-states";
import { computeClocks } from "@/lib/domain/deadlines";
import { ninoProblem, purchaseOrderProblem, regimeOfPurchaseOrder } from "@/lib/domain/identifiers";
import { deriveRuleset } from "@/lib/domain/lifecycle/rulesets";
import { loadCalendar } from "@/lib/server/reference/load-calendar";
import { CLOCK_INPUT_SELECT, clockRecordFromRow, dueDateColumnsFor } from "@/lib/server/cases/recompute-due-dates";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

const TODAY = "2026-11-24";
const ROUTES = ["prap_two_stage", "prap_single", "sro_introduction", "scr_clerical"] as const satisfies readonly CaseRoute[];

/** Row counts of every table the demo writes (to prove a second run writes nothing). */
async function tableCounts(prisma: PrismaClient) {
  return {
    organisations: await prisma.organisation.count(),
    sites: await prisma.site.count(),
    users: await prisma.user.count(),
    contacts: await prisma.contact.count(),
    claimants: await prisma.claimant.count(),
    cases: await prisma.case.count(),
    prapReferrals: await prisma.prapReferral.count(),
    auditEvents: await prisma.auditEvent.count(),
    bankHolidays: await prisma.bankHoliday.count(),
    reasons: await prisma.reason.count(),
    settings: await prisma.setting.count(),
    // Added on purpose: the demo now seeds one possible SCR duplicate (docs/rules/restricted-cases.md).
    scrDuplicateAlerts: await prisma.scrDuplicateAlert.count(),
  };
}

/** Everything a determinism check should see, in a stable order (password hashes are salted). */
async function snapshot(prisma: PrismaClient) {
  return {
    cases: await prisma.case.findMany({ orderBy: { reference: "asc" } }),
    claimants: await prisma.claimant.findMany({ orderBy: { id: "asc" } }),
    prapReferrals: await prisma.prapReferral.findMany({ orderBy: { purchaseOrderNumber: "asc" } }),
    users: await prisma.user.findMany({ orderBy: { email: "asc" }, omit: { passwordHash: true } }),
    contacts: await prisma.contact.findMany({ orderBy: { id: "asc" } }),
    initialAssessments: await prisma.initialAssessment.findMany({ orderBy: { id: "asc" } }),
    uc452Forms: await prisma.uc452Form.findMany({ orderBy: { id: "asc" } }),
    sessro1Forms: await prisma.sessro1Form.findMany({ orderBy: { id: "asc" } }),
    scrDuplicateAlerts: await prisma.scrDuplicateAlert.findMany({ orderBy: { id: "asc" } }),
    auditEvents: await prisma.auditEvent.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("demo seed (deterministic demo data for a given today)", () => {
  let first: TestDatabase;
  let summary: DemoSeedSummary;

  beforeAll(async () => {
    first = await createTestDatabase();
    summary = await seedDemo(first.prisma, { today: TODAY });
  });

  afterAll(async () => {
    await first?.close();
  });

  it("loads about 30 cases for one organisation and reports them per route and state", () => {
    expect(summary.alreadySeeded).toBe(false);
    expect(summary.organisationId).toBe(DEMO_ORGANISATION_ID);
    expect(summary.seededFor).toBe(TODAY);
    expect(summary.cases).toBeGreaterThanOrEqual(28);
    expect(summary.byRouteAndState.reduce((total, group) => total + group.count, 0)).toBe(summary.cases);
    expect(summary.signIns).toEqual(DEMO_SIGN_INS);
  });

  it("is idempotent: a second run finds the organisation, writes nothing and says so", async () => {
    const before = await tableCounts(first.prisma);
    const again = await seedDemo(first.prisma, { today: "2026-12-01" });
    expect(again.alreadySeeded).toBe(true);
    expect(again.seededFor).toBe(TODAY);
    expect(again.byRouteAndState).toEqual(summary.byRouteAndState);
    expect(await tableCounts(first.prisma)).toEqual(before);
  });

  it("seeds the same rows, byte for byte, into a fresh database for the same today", async () => {
    const second = await createTestDatabase();
    try {
      await seedDemo(second.prisma, { today: TODAY });
      const [a, b] = [await snapshot(first.prisma), await snapshot(second.prisma)];
      expect(b.cases.map((row) => [row.id, row.reference, row.state, isoDateFromDb(row.referralDate), isoDateFromDb(row.startDueOn)])).toEqual(
        a.cases.map((row) => [row.id, row.reference, row.state, isoDateFromDb(row.referralDate), isoDateFromDb(row.startDueOn)]),
      );
      expect(b).toEqual(a);
    } finally {
      await second.close();
    }
  });

  it("covers every referral route and every lifecycle state in docs/rules/routes.md and docs/rules/states.md", async () => {
    const cases = await first.prisma.case.findMany({ select: { route: true, state: true } });
    expect(new Set(cases.map((row) => row.route))).toEqual(new Set(ROUTES));
    expect(new Set(cases.map((row) => row.state))).toEqual(new Set(CASE_STATES));
    const rulesets = await first.prisma.case.findMany({ distinct: ["ruleset"], select: { ruleset: true } });
    // Changed on purpose: the non-UC two-stage ruleset is gone (docs/decisions/0009-rulesets-by-referral-date.md).
    expect(rulesets.map((row) => row.ruleset).sort()).toEqual(["ses_2016_uc", "ses_2017"]);
  });

  it("13.13, 3.07: on 24 Nov 2026 the start target shows cases on time, at risk, overdue, met on time and met late", async () => {
    const calendar = await loadCalendar(first.prisma);
    const rows = await first.prisma.case.findMany({ select: { reference: true, ...CLOCK_INPUT_SELECT } });
    const states = rows.map((row) => {
      const clocks = computeClocks(clockFactsFor(clockRecordFromRow(row)), calendar, TODAY, new Date(`${TODAY}T12:00:00Z`));
      return clocks.find((clock) => clock.id === "start")?.state;
    });
    expect(states).toContain("not_yet_due"); // on time
    expect(states.some((state) => state === "due_soon" || state === "due_today")).toBe(true); // at risk
    expect(states).toContain("overdue");
    expect(states).toContain("met_on_time");
    expect(states).toContain("met_late");
  });

  it("13.35: the backed-out case's 24-hour cancellation clock is still running at midday", async () => {
    const calendar = await loadCalendar(first.prisma);
    const row = await first.prisma.case.findFirstOrThrow({ where: { state: "backed_out" }, select: { cancelDueAt: true, ...CLOCK_INPUT_SELECT } });
    const clock = computeClocks(clockFactsFor(clockRecordFromRow(row)), calendar, TODAY, new Date(`${TODAY}T12:00:00Z`)).find(
      (candidate) => candidate.id === "back_out_cancel",
    );
    expect(clock?.state).toBe("not_yet_due");
    expect(row.cancelDueAt?.toISOString().slice(0, 10)).toBe("2026-11-25");
  });

  it("has assigned and unassigned open cases", async () => {
    const open = await first.prisma.case.findMany({
      where: { state: { in: ["referred", "acknowledged", "assessment_booked", "recommended", "accepted"] } },
      select: { assignedCaseworkerId: true },
    });
    expect(open.some((row) => row.assignedCaseworkerId === null)).toBe(true);
    expect(open.some((row) => row.assignedCaseworkerId !== null)).toBe(true);
  });

  it("stores every case's due dates exactly as recomputation gives them (recompute-due-dates.ts)", async () => {
    const calendar = await loadCalendar(first.prisma);
    const rows = await first.prisma.case.findMany({
      select: {
        reference: true,
        formsChaseDueOn: true,
        ucpr1DuplicateDueOn: true,
        welcomeCallDueOn: true,
        meetDueOn: true,
        startDueOn: true,
        cancelDueAt: true,
        exitNoticeDueOn: true,
        nextDeadlineOn: true,
        ...CLOCK_INPUT_SELECT,
      },
    });
    for (const row of rows) {
      const stored = {
        formsChaseDueOn: row.formsChaseDueOn,
        ucpr1DuplicateDueOn: row.ucpr1DuplicateDueOn,
        welcomeCallDueOn: row.welcomeCallDueOn,
        meetDueOn: row.meetDueOn,
        startDueOn: row.startDueOn,
        cancelDueAt: row.cancelDueAt,
        exitNoticeDueOn: row.exitNoticeDueOn,
        nextDeadlineOn: row.nextDeadlineOn,
      };
      expect(stored, row.reference).toEqual(dueDateColumnsFor(row, calendar));
    }
    expect(rows.filter((row) => row.startDueOn !== null).length).toBeGreaterThan(20);
  });

  it("13.53, 3.31: SCR clerical cases have an SL2 and no PRaP referral, and belong to the nominated officer", async () => {
    const scr = await first.prisma.case.findMany({
      where: { route: "scr_clerical" },
      include: { prapReferrals: true, sl2: true, assignedCaseworker: { select: { roles: true } } },
    });
    expect(scr.length).toBeGreaterThanOrEqual(2);
    for (const row of scr) {
      expect(row.restrictionTier).toBe("scr");
      expect(row.prapReferrals).toEqual([]);
      expect(row.sl2?.pages2And3Retained).toBe(true);
      expect(row.assignedCaseworker?.roles).toContain("nominated_officer");
    }
  });

  it("13.58, 13.59: the MAPPA claimant has no address, postcode or telephone; restrictions live in the annex", async () => {
    const mappa = await first.prisma.case.findFirstOrThrow({
      where: { restrictionTier: "mappa" },
      include: { claimant: true, mappaAnnex: true, securePost: true },
    });
    expect(mappa.claimant.addressLine1).toBeNull();
    expect(mappa.claimant.postcode).toBeNull();
    expect(mappa.claimant.telephone).toBeNull();
    expect(mappa.mappaMarkedAt).not.toBeNull();
    expect(mappa.mappaAnnex?.restrictions).toBeTruthy();
    expect(mappa.mappaAnnex?.mappaJReceivedOn).not.toBeNull();
    expect(mappa.securePost.some((post) => post.document === "mappa_j" && post.direction === "received")).toBe(true);
  });

  it("13.25–13.27: UC two-stage cases past the IA have an IA referral and a strand referral, both purchase orders starting 2", async () => {
    const started = await first.prisma.case.findMany({
      where: { route: "prap_two_stage", ruleset: "ses_2016_uc", state: { in: ["accepted", "started", "completed", "left_early"] } },
      include: { prapReferrals: true },
    });
    expect(started.length).toBeGreaterThan(0);
    for (const row of started) {
      expect(row.prapReferrals.map((referral) => referral.provision).sort()).toEqual(
        ["ia_opportunity", row.strand ?? "missing"].sort(),
      );
      for (const referral of row.prapReferrals) expect(referral.purchaseOrderNumber.startsWith("2")).toBe(true);
    }
  });

  it("13.06, 13.16: every purchase order number is valid and its regime matches its first digit; no 1… purchase order runs the two-stage process", async () => {
    const referrals = await first.prisma.prapReferral.findMany({ include: { case: { select: { ruleset: true, site: { select: { name: true } } } } } });
    for (const referral of referrals) {
      expect(purchaseOrderProblem(referral.purchaseOrderNumber)).toBeNull();
      expect(referral.regime).toBe(regimeOfPurchaseOrder(referral.purchaseOrderNumber));
    }
    expect(referrals.some((referral) => referral.regime === "non_uc")).toBe(true);
    expect(referrals.filter((referral) => referral.regime === "non_uc" && referral.case.ruleset === "ses_2016_uc")).toEqual([]);
  });

  it("docs/rules/rulesets.md: every demo case runs the ruleset its date gives, or says who chose the other one and why", async () => {
    const cases = await first.prisma.case.findMany({
      select: { reference: true, ruleset: true, referralDate: true, createdAt: true, rulesetOverrideReason: true, rulesetOverriddenById: true, prapReferrals: { select: { regime: true, referralDate: true } } },
    });
    for (const row of cases) {
      const earliest = row.prapReferrals.sort((a, b) => a.referralDate.getTime() - b.referralDate.getTime())[0];
      const derived = earliest ? deriveRuleset(isoDateFromDb(earliest.referralDate)!, earliest.regime).ruleset : null;
      if (derived !== null && derived === row.ruleset) expect(row.rulesetOverrideReason, row.reference).toBeNull();
      if (derived !== null && derived !== row.ruleset) {
        expect(row.rulesetOverrideReason, row.reference).toMatch(/contract variant/i);
        expect(row.rulesetOverriddenById, row.reference).not.toBeNull();
      }
    }
    expect(cases.some((row) => row.rulesetOverrideReason !== null)).toBe(true);
  });

  it("13.21, 13.22: each UC452 part 6 or 7 was emailed once to each of the two inboxes", async () => {
    const parts = await first.prisma.uc452Form.findMany({ where: { part: { in: ["part_6", "part_7"] } }, select: { caseId: true, part: true } });
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      const emails = await first.prisma.uc452Email.findMany({ where: { caseId: part.caseId, part: part.part } });
      expect(emails.map((email) => email.inbox).sort()).toEqual(["ses_policy", "uc_service_centre"]);
    }
  });

  it("gives every claimant a valid-format NINO and every case a case.created audit event by a real user", async () => {
    const claimants = await first.prisma.claimant.findMany({ select: { nino: true } });
    for (const claimant of claimants) expect(ninoProblem(claimant.nino ?? "")).toBeNull();
    const cases = await first.prisma.case.findMany({ select: { id: true, reference: true, createdById: true, createdAt: true } });
    for (const row of cases) {
      const created = await first.prisma.auditEvent.findFirst({ where: { caseId: row.id, action: "case.created" } });
      expect(created?.actorId, row.reference).toBe(row.createdById);
      expect(created?.at).toEqual(row.createdAt);
      expect(await first.prisma.auditEvent.count({ where: { caseId: row.id } }), row.reference).toBeGreaterThan(1);
    }
  });

  it("numbers case references in creation order", async () => {
    const cases = await first.prisma.case.findMany({ orderBy: { reference: "asc" }, select: { reference: true, createdAt: true } });
    expect(cases[0].reference).toBe("SES-000001");
    const created = cases.map((row) => row.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it("creates the demo accounts with one shared password, long and uncommon but one nobody can choose as their own (AU-03, AU-05)", async () => {
    expect(passwordProblem(DEMO_PASSWORD.replace("2026", "2031"))).toBeNull();
    expect(passwordProblem(DEMO_PASSWORD)).toBe("Choose a password that is not the published demo password");
    const users = await first.prisma.user.findMany({ orderBy: { email: "asc" } });
    expect(users.map((user) => user.email).sort()).toEqual(DEMO_SIGN_INS.map((signIn) => signIn.email).sort());
    expect(users.every((user) => user.isDemo)).toBe(true);
    expect(new Set(users.map((user) => user.passwordHash)).size).toBe(1);
    expect(await verifyPassword(users[0].passwordHash, DEMO_PASSWORD)).toBe(true);
    const roles = Object.fromEntries(users.map((user) => [user.email.split("@")[0], [...user.roles].sort()]));
    expect(roles).toMatchObject({
      officer: ["caseworker", "nominated_officer"],
      multi: ["administrator", "manager"],
      admin: ["administrator"],
    });
  });
});

describe("reference data (used in production too)", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.close();
  });

  it("loads the shipped bank holidays, reason lists and default settings once, keeping administrator edits", async () => {
    const first = await seedReferenceData(database.prisma);
    expect(first).toEqual({
      bankHolidays: shippedBankHolidays().length,
      reasons: REASON_DEFINITIONS.length,
      settings: DEFAULT_SETTINGS.length,
    });
    expect(await database.prisma.bankHoliday.count({ where: { computed: true } })).toBeGreaterThan(0);
    await database.prisma.setting.update({ where: { key: "deadline.dueSoonWorkingDays" }, data: { value: 5 } });
    const second = await seedReferenceData(database.prisma);
    expect(second).toEqual({ bankHolidays: 0, reasons: 0, settings: 0 });
    expect((await database.prisma.setting.findUniqueOrThrow({ where: { key: "deadline.dueSoonWorkingDays" } })).value).toBe(5);
    const other = await database.prisma.reason.findUniqueOrThrow({ where: { kind_code: { kind: "rejection", code: "other" } } });
    expect(other).toMatchObject({ label: "Referral made in error (Other)", prapLabel: "other" });
    const unable = await database.prisma.reason.findUniqueOrThrow({ where: { kind_code: { kind: "rejection", code: "unable_to_contact" } } });
    expect(unable.prapLabel).toBe("customer_no_longer_suitable");
  });

  it("never brings back a bank holiday, or a whole shipped year, that an administrator removed — but a newly shipped year arrives", async () => {
    const boxingDay = { nation: "scotland", date: new Date("2026-12-28T00:00:00Z") } as const;
    await database.prisma.bankHoliday.delete({ where: { nation_date: boxingDay } });
    const ni2027 = { nation: "northern_ireland", date: { gte: new Date("2027-01-01T00:00:00Z"), lt: new Date("2028-01-01T00:00:00Z") } } as const;
    const wholeYear = await database.prisma.bankHoliday.deleteMany({ where: ni2027 });
    expect(wholeYear.count).toBeGreaterThan(0);
    const again = await seedReferenceData(database.prisma);
    expect(again.bankHolidays).toBe(0);
    expect(await database.prisma.bankHoliday.findUnique({ where: { nation_date: boxingDay } })).toBeNull();
    expect(await database.prisma.bankHoliday.count({ where: ni2027 })).toBe(0);

    // A release that ships a year this database has never been given loads it once.
    const record = await database.prisma.setting.findUniqueOrThrow({ where: { key: "calendar.shippedYearsLoaded" } });
    const withoutNi2027 = (record.value as string[]).filter((year) => year !== "northern_ireland:2027");
    await database.prisma.setting.update({ where: { key: "calendar.shippedYearsLoaded" }, data: { value: withoutNi2027 } });
    const newRelease = await seedReferenceData(database.prisma);
    expect(newRelease.bankHolidays).toBe(wholeYear.count);
    expect(await database.prisma.bankHoliday.count({ where: ni2027 })).toBe(wholeYear.count);
  });
});

/**
 * A new user meets the restricted-case features in the demo (docs/rules/restricted-cases.md;
 * docs/rules/routes.md route 3, "JCP referral missing"). Its own database: reading the restricted
 * queue writes audit rows, which the determinism checks above must not see.
 */
describe("demo seed: what a nominated officer and a caseworker are shown", () => {
  let db: TestDatabase;
  const clock = { today: TODAY, now: new Date(`${TODAY}T12:00:00Z`) };
  const actor = (key: DemoUserKey) => ({ id: userId(key), roles: DEMO_USERS.find((user) => user.key === key)!.roles, organisationId: DEMO_ORGANISATION_ID });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: TODAY });
  });
  afterAll(async () => {
    await db?.close();
  });

  it("the nominated officer's queue has one possible duplicate of an SCR case, linking the new case to the SCR case with the same NINO", async () => {
    const queue = await getRestrictedQueue(db.prisma, actor("officer"), clock);
    expect(queue.possibleDuplicates).toHaveLength(1);
    const [duplicate] = queue.possibleDuplicates;
    const [newCase, scrCase] = await Promise.all(
      [duplicate.newCase.id, duplicate.scrCase.id].map((id) => db.prisma.case.findUniqueOrThrow({ where: { id }, include: { claimant: true } })),
    );
    expect(newCase).toMatchObject({ restrictionTier: "scr", assignedCaseworkerId: null, state: "referred" });
    expect(scrCase.route).toBe("scr_clerical");
    expect(newCase.claimant.nino).toBe(scrCase.claimant.nino);
  });

  it("the caseworker's queue shows an accepted SRO introduction as JCP referral missing", async () => {
    const queue = await listWorkQueue(db.prisma, actor("caseworker"), { view: "mine", page: 1, today: clock.today, now: clock.now });
    const missing = queue.rows.filter((row) => row.jcpReferralMissing);
    expect(missing.map((row) => row.state)).toEqual(["introduction_accepted"]);
  });
});
