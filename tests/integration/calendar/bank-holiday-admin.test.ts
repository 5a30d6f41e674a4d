import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkingDayCalendar } from "@/lib/calendar";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { nationFromCode, type NationCode } from "@/lib/domain/nation";
import { getCalendarCoverage } from "@/lib/server/calendar/get-calendar-coverage";
import { confirmBankHoliday } from "@/lib/server/calendar/confirm-bank-holiday";
import { createBankHoliday } from "@/lib/server/calendar/create-bank-holiday";
import { getBankHoliday } from "@/lib/server/calendar/get-bank-holiday";
import { listBankHolidays } from "@/lib/server/calendar/list-bank-holidays";
import { getRemovalImpact } from "@/lib/server/calendar/get-removal-impact";
import { removeBankHoliday } from "@/lib/server/calendar/remove-bank-holiday";
import { updateBankHoliday } from "@/lib/server/calendar/update-bank-holiday";
import { loadCalendar } from "@/lib/server/reference/load-calendar";
import { CLOCK_INPUT_SELECT, dueDateColumnsFor } from "@/lib/server/cases/recompute-due-dates";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { UseCaseError } from "@/lib/server/use-case-error";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

// This file proves the inline recompute — the path of a database without a job queue (the embedded
// database) — on either engine; the queued path is tests/integration/calendar/recompute-queued.test.ts.
vi.mock("@/lib/server/jobs/queue-available", () => ({ canQueueJobs: async () => false }));

/**
 * Bank holidays (docs/rules/clocks.md, "Working days"): an administrator adds, changes, removes
 * and confirms bank holidays; each change is audited and recomputes the stored due dates of the
 * cases in the nations it touches.
 *
 * The fixture: one open Scotland case and one open England and Wales case, both referred on
 * Friday 20 November 2026 (ruleset ses_2017: start within 20 working days, 3.07). Counting
 * Monday to Friday from the day after, the 20th working day is Friday 18 December 2026. With
 * St Andrew's Day (Monday 30 November 2026) a Scottish bank holiday, 30 November no longer
 * counts, so the 20th working day becomes Monday 21 December 2026. Christmas (Friday 25
 * December) and the Boxing Day substitute (Monday 28 December) fall after both dates.
 */
const REFERRAL_DATE = "2026-11-20";
const START_DUE_WITHOUT_ST_ANDREWS = "2026-12-18";
const START_DUE_WITH_ST_ANDREWS = "2026-12-21";
const ST_ANDREWS_DAY = { nation: "scotland", date: "2026-11-30", title: "St Andrew’s Day", notes: null } as const;

const BASELINE_HOLIDAYS: ReadonlyArray<{ nation: NationCode; date: string; title: string; notes?: string; computed?: boolean }> = [
  { nation: "scotland", date: "2026-01-01", title: "New Year’s Day" },
  { nation: "scotland", date: "2026-01-02", title: "2nd January" },
  { nation: "scotland", date: "2026-12-25", title: "Christmas Day" },
  { nation: "scotland", date: "2026-12-28", title: "Boxing Day", notes: "Substitute day" },
  { nation: "scotland", date: "2016-01-04", title: "2nd January", notes: "Substitute day", computed: true },
  { nation: "england_and_wales", date: "2026-12-25", title: "Christmas Day" },
  { nation: "england_and_wales", date: "2026-12-28", title: "Boxing Day", notes: "Substitute day" },
];

interface Fixture {
  admin: UseCaseActor;
  caseworker: UseCaseActor;
  scotlandCaseId: string;
  englandCaseId: string;
  closedScotlandCaseId: string;
}

let db: TestDatabase;
let prisma: PrismaClient;
let fixture: Fixture;

async function storeDueDates(caseId: string) {
  const rows = await prisma.bankHoliday.findMany();
  const calendar = createWorkingDayCalendar(
    rows.map((row) => ({ nation: nationFromCode(row.nation), date: isoDateFromDb(row.date), title: row.title })),
  );
  const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: CLOCK_INPUT_SELECT });
  await prisma.case.update({ where: { id: caseId }, data: dueDateColumnsFor(row, calendar) });
}

async function seed(): Promise<Fixture> {
  const organisation = await prisma.organisation.create({ data: { name: "Test provider" } });
  const glasgow = await prisma.site.create({ data: { organisationId: organisation.id, name: "Glasgow", nation: "scotland" } });
  const leeds = await prisma.site.create({ data: { organisationId: organisation.id, name: "Leeds", nation: "england_and_wales" } });
  const admin = await prisma.user.create({
    data: { organisationId: organisation.id, email: "admin@example.test", name: "Ada Admin", passwordHash: "x", roles: ["administrator"] },
  });
  const caseworker = await prisma.user.create({
    data: { organisationId: organisation.id, email: "cw@example.test", name: "Cal Caseworker", passwordHash: "x", roles: ["caseworker"] },
  });
  await prisma.bankHoliday.createMany({
    data: BASELINE_HOLIDAYS.map((holiday) => ({
      nation: holiday.nation,
      date: isoDateToDb(holiday.date),
      title: holiday.title,
      notes: holiday.notes ?? null,
      computed: holiday.computed ?? false,
    })),
  });
  const claimant = await prisma.claimant.create({ data: { forename: "Morag", surname: "Test" } });
  const newCase = async (reference: string, siteId: string, closed = false) => {
    const created = await prisma.case.create({
      data: {
        reference,
        organisationId: organisation.id,
        siteId,
        claimantId: claimant.id,
        route: "prap_single",
        ruleset: "ses_2017",
        state: closed ? "cancelled" : "referred",
        referralDate: isoDateToDb(REFERRAL_DATE),
        closedAt: closed ? new Date("2026-11-23T10:00:00Z") : null,
      },
    });
    await storeDueDates(created.id);
    return created.id;
  };
  return {
    admin: { id: admin.id, roles: ["administrator"], organisationId: organisation.id },
    caseworker: { id: caseworker.id, roles: ["caseworker"], organisationId: organisation.id },
    scotlandCaseId: await newCase("SES-000001", glasgow.id),
    englandCaseId: await newCase("SES-000002", leeds.id),
    closedScotlandCaseId: await newCase("SES-000003", glasgow.id, true),
  };
}

async function startDueOn(caseId: string): Promise<string | null> {
  const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { startDueOn: true } });
  return isoDateFromDb(row.startDueOn);
}

async function holidayRow(nation: NationCode, date: string) {
  return prisma.bankHoliday.findUnique({ where: { nation_date: { nation, date: isoDateToDb(date) } } });
}

async function auditRows(entityId?: string) {
  return prisma.auditEvent.findMany({
    where: { entityType: "BankHoliday", ...(entityId ? { entityId } : {}) },
    orderBy: { id: "asc" },
  });
}

/** Everything a refused change must leave as it was. */
async function snapshot() {
  const holidays = await prisma.bankHoliday.findMany({ orderBy: [{ nation: "asc" }, { date: "asc" }] });
  const cases = await prisma.case.findMany({
    orderBy: { reference: "asc" },
    select: { id: true, startDueOn: true, nextDeadlineOn: true, welcomeCallDueOn: true, updatedAt: true },
  });
  return { holidays, cases, audit: await prisma.auditEvent.count() };
}

async function expectUseCaseError(promise: Promise<unknown>, code: UseCaseError["code"]): Promise<UseCaseError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UseCaseError);
  expect((error as UseCaseError).code).toBe(code);
  return error as UseCaseError;
}

beforeEach(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  fixture = await seed();
});

afterEach(async () => {
  await db.close();
});

describe("the fixture (hand-counted due dates)", () => {
  it("starts without St Andrew's Day: both open cases fall due on Friday 18 December 2026", async () => {
    expect(await startDueOn(fixture.scotlandCaseId)).toBe(START_DUE_WITHOUT_ST_ANDREWS);
    expect(await startDueOn(fixture.englandCaseId)).toBe(START_DUE_WITHOUT_ST_ANDREWS);
  });
});

describe("createBankHoliday", () => {
  it("adds the holiday, recomputes that nation's cases only, and writes one audit row", async () => {
    const result = await createBankHoliday(prisma, fixture.admin, ST_ANDREWS_DAY);

    // Two Scotland cases (one open, one closed) are recomputed; England and Wales is untouched.
    expect(result.recomputedCases).toBe(2);
    expect(await startDueOn(fixture.scotlandCaseId)).toBe(START_DUE_WITH_ST_ANDREWS);
    expect(await startDueOn(fixture.englandCaseId)).toBe(START_DUE_WITHOUT_ST_ANDREWS);

    const row = await holidayRow("scotland", "2026-11-30");
    expect(row).toMatchObject({ id: result.bankHolidayId, title: "St Andrew’s Day", notes: null, computed: false, version: 1 });

    const audit = await auditRows();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "bankHoliday.created",
      entityType: "BankHoliday",
      entityId: result.bankHolidayId,
      actorId: fixture.admin.id,
      actorRoles: ["administrator"],
      before: null,
      after: { nation: "scotland", date: "2026-11-30", title: "St Andrew’s Day", notes: null, computed: false, recomputedCases: 2 },
    });
  });

  it("refuses a second holiday on the same date for the same nation (CONFLICT on date), changing nothing", async () => {
    await createBankHoliday(prisma, fixture.admin, ST_ANDREWS_DAY);
    const before = await snapshot();
    const error = await expectUseCaseError(
      createBankHoliday(prisma, fixture.admin, { ...ST_ANDREWS_DAY, title: "Another holiday" }),
      "CONFLICT",
    );
    expect(error.fieldErrors).toEqual({ date: "This nation already has a bank holiday on that date" });
    expect(await snapshot()).toEqual(before);
  });

  it("allows the same date in another nation", async () => {
    const result = await createBankHoliday(prisma, fixture.admin, { ...ST_ANDREWS_DAY, nation: "england_and_wales", title: "One-off holiday" });
    expect(result.recomputedCases).toBe(1);
    expect(await startDueOn(fixture.englandCaseId)).toBe(START_DUE_WITH_ST_ANDREWS);
    expect(await startDueOn(fixture.scotlandCaseId)).toBe(START_DUE_WITHOUT_ST_ANDREWS);
  });
});

describe("removeBankHoliday", () => {
  it("removes the holiday, moves the due date back, and writes one audit row with the holiday as it was", async () => {
    const { bankHolidayId } = await createBankHoliday(prisma, fixture.admin, ST_ANDREWS_DAY);
    expect(await startDueOn(fixture.scotlandCaseId)).toBe(START_DUE_WITH_ST_ANDREWS);

    const result = await removeBankHoliday(prisma, fixture.admin, { bankHolidayId, version: 1 });

    expect(result.recomputedCases).toBe(2);
    expect(result.removed).toMatchObject({ id: bankHolidayId, nation: "scotland", date: "2026-11-30" });
    expect(await startDueOn(fixture.scotlandCaseId)).toBe(START_DUE_WITHOUT_ST_ANDREWS);
    expect(await holidayRow("scotland", "2026-11-30")).toBeNull();

    const audit = await auditRows(bankHolidayId);
    expect(audit.map((row) => row.action)).toEqual(["bankHoliday.created", "bankHoliday.removed"]);
    expect(audit[1]).toMatchObject({
      actorId: fixture.admin.id,
      before: { nation: "scotland", date: "2026-11-30", title: "St Andrew’s Day", notes: null, computed: false },
      after: { recomputedCases: 2 },
    });
  });

  it("refuses a stale version (STALE) and keeps the holiday and the due dates", async () => {
    const { bankHolidayId } = await createBankHoliday(prisma, fixture.admin, ST_ANDREWS_DAY);
    await updateBankHoliday(prisma, fixture.admin, { bankHolidayId, version: 1, ...ST_ANDREWS_DAY, notes: "Checked" });
    const before = await snapshot();
    await expectUseCaseError(removeBankHoliday(prisma, fixture.admin, { bankHolidayId, version: 1 }), "STALE");
    expect(await snapshot()).toEqual(before);
    expect(await startDueOn(fixture.scotlandCaseId)).toBe(START_DUE_WITH_ST_ANDREWS);
  });

  it("answers NOT_FOUND for a holiday that does not exist", async () => {
    await expectUseCaseError(
      removeBankHoliday(prisma, fixture.admin, { bankHolidayId: "3f0e8f6a-5a7c-4c56-9a8e-0c1d2e3f4a5b", version: 1 }),
      "NOT_FOUND",
    );
  });
});

describe("updateBankHoliday", () => {
  it("moving the date recomputes the nation's cases and writes one audit row with before and after", async () => {
    const { bankHolidayId } = await createBankHoliday(prisma, fixture.admin, { ...ST_ANDREWS_DAY, date: "2026-12-01" });
    // Tuesday 1 December as a holiday also pushes the 20th working day to Monday 21 December.
    expect(await startDueOn(fixture.scotlandCaseId)).toBe(START_DUE_WITH_ST_ANDREWS);

    // Moved to Tuesday 22 December, after the due date: back to Friday 18 December.
    const result = await updateBankHoliday(prisma, fixture.admin, { bankHolidayId, version: 1, ...ST_ANDREWS_DAY, date: "2026-12-22" });
    expect(result).toEqual({ recomputedCases: 2, recomputeQueued: false, datesChanged: true });
    expect(await startDueOn(fixture.scotlandCaseId)).toBe(START_DUE_WITHOUT_ST_ANDREWS);
    expect(await holidayRow("scotland", "2026-12-22")).toMatchObject({ id: bankHolidayId, version: 2 });

    const audit = await auditRows(bankHolidayId);
    expect(audit.map((row) => row.action)).toEqual(["bankHoliday.created", "bankHoliday.updated"]);
    expect(audit[1]).toMatchObject({
      actorId: fixture.admin.id,
      before: { nation: "scotland", date: "2026-12-01", title: "St Andrew’s Day", notes: null, computed: false },
      after: { nation: "scotland", date: "2026-12-22", title: "St Andrew’s Day", notes: null, computed: false, recomputedCases: 2 },
    });
  });

  it("moving the holiday to another nation recomputes both nations", async () => {
    const { bankHolidayId } = await createBankHoliday(prisma, fixture.admin, ST_ANDREWS_DAY);
    const result = await updateBankHoliday(prisma, fixture.admin, {
      bankHolidayId,
      version: 1,
      ...ST_ANDREWS_DAY,
      nation: "england_and_wales",
      title: "One-off holiday",
    });
    expect(result).toEqual({ recomputedCases: 3, recomputeQueued: false, datesChanged: true });
    expect(await startDueOn(fixture.scotlandCaseId)).toBe(START_DUE_WITHOUT_ST_ANDREWS);
    expect(await startDueOn(fixture.englandCaseId)).toBe(START_DUE_WITH_ST_ANDREWS);
  });

  it("a new name or notes alone recomputes nothing, but is saved, versioned and audited", async () => {
    const { bankHolidayId } = await createBankHoliday(prisma, fixture.admin, ST_ANDREWS_DAY);
    const casesBefore = (await snapshot()).cases;
    const result = await updateBankHoliday(prisma, fixture.admin, {
      bankHolidayId,
      version: 1,
      ...ST_ANDREWS_DAY,
      title: "St Andrew’s Day (Scotland)",
      notes: "Checked against gov.scot",
    });
    expect(result).toEqual({ recomputedCases: 0, recomputeQueued: false, datesChanged: false });
    expect((await snapshot()).cases).toEqual(casesBefore);
    expect(await holidayRow("scotland", "2026-11-30")).toMatchObject({ title: "St Andrew’s Day (Scotland)", notes: "Checked against gov.scot", version: 2 });
    expect((await auditRows(bankHolidayId)).map((row) => row.action)).toEqual(["bankHoliday.created", "bankHoliday.updated"]);
  });

  it("refuses a stale version (STALE): nothing changes, nothing is recomputed, nothing is audited", async () => {
    const { bankHolidayId } = await createBankHoliday(prisma, fixture.admin, ST_ANDREWS_DAY);
    await updateBankHoliday(prisma, fixture.admin, { bankHolidayId, version: 1, ...ST_ANDREWS_DAY, notes: "First edit" });
    const before = await snapshot();
    await expectUseCaseError(
      updateBankHoliday(prisma, fixture.admin, { bankHolidayId, version: 1, ...ST_ANDREWS_DAY, date: "2026-12-22" }),
      "STALE",
    );
    expect(await snapshot()).toEqual(before);
    expect(await startDueOn(fixture.scotlandCaseId)).toBe(START_DUE_WITH_ST_ANDREWS);
  });

  it("refuses moving onto a date the nation already has (CONFLICT on date), changing nothing", async () => {
    const { bankHolidayId } = await createBankHoliday(prisma, fixture.admin, ST_ANDREWS_DAY);
    const before = await snapshot();
    const error = await expectUseCaseError(
      updateBankHoliday(prisma, fixture.admin, { bankHolidayId, version: 1, ...ST_ANDREWS_DAY, date: "2026-12-25" }),
      "CONFLICT",
    );
    expect(error.fieldErrors.date).toBe("This nation already has a bank holiday on that date");
    expect(await snapshot()).toEqual(before);
  });
});

describe("confirmBankHoliday (computed dates: Scotland and Northern Ireland 2016)", () => {
  it("clears `computed`, bumps the version and writes one audit row; due dates are not touched", async () => {
    const computed = await holidayRow("scotland", "2016-01-04");
    expect(computed?.computed).toBe(true);
    const casesBefore = (await snapshot()).cases;

    const { confirmed } = await confirmBankHoliday(prisma, fixture.admin, { bankHolidayId: computed!.id, version: 1 });

    expect(confirmed).toMatchObject({ id: computed!.id, computed: false, version: 2, date: "2016-01-04" });
    expect(await holidayRow("scotland", "2016-01-04")).toMatchObject({ computed: false, version: 2 });
    expect((await snapshot()).cases).toEqual(casesBefore);
    const audit = await auditRows(computed!.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "bankHoliday.confirmed",
      actorId: fixture.admin.id,
      before: { nation: "scotland", date: "2016-01-04", computed: true },
      after: { nation: "scotland", date: "2016-01-04", computed: false },
    });
  });

  it("refuses a stale version, and a holiday that is already confirmed", async () => {
    const computed = (await holidayRow("scotland", "2016-01-04"))!;
    await expectUseCaseError(confirmBankHoliday(prisma, fixture.admin, { bankHolidayId: computed.id, version: 7 }), "STALE");
    expect(await holidayRow("scotland", "2016-01-04")).toMatchObject({ computed: true, version: 1 });

    await confirmBankHoliday(prisma, fixture.admin, { bankHolidayId: computed.id, version: 1 });
    await expectUseCaseError(confirmBankHoliday(prisma, fixture.admin, { bankHolidayId: computed.id, version: 2 }), "INVALID");
    const christmas = (await holidayRow("scotland", "2026-12-25"))!;
    await expectUseCaseError(confirmBankHoliday(prisma, fixture.admin, { bankHolidayId: christmas.id, version: 1 }), "INVALID");
    expect(await auditRows()).toHaveLength(1);
  });
});

describe("permission: only an administrator manages the calendar", () => {
  it("refuses a caseworker (FORBIDDEN) every change and every read, changing nothing and auditing nothing", async () => {
    const christmas = (await holidayRow("scotland", "2026-12-25"))!;
    const computed = (await holidayRow("scotland", "2016-01-04"))!;
    const before = await snapshot();
    const actor = fixture.caseworker;
    await expectUseCaseError(createBankHoliday(prisma, actor, ST_ANDREWS_DAY), "FORBIDDEN");
    await expectUseCaseError(
      updateBankHoliday(prisma, actor, { bankHolidayId: christmas.id, version: 1, ...ST_ANDREWS_DAY }),
      "FORBIDDEN",
    );
    await expectUseCaseError(removeBankHoliday(prisma, actor, { bankHolidayId: christmas.id, version: 1 }), "FORBIDDEN");
    await expectUseCaseError(confirmBankHoliday(prisma, actor, { bankHolidayId: computed.id, version: 1 }), "FORBIDDEN");
    await expectUseCaseError(listBankHolidays(prisma, actor, { year: 2026 }), "FORBIDDEN");
    await expectUseCaseError(getCalendarCoverage(prisma, actor), "FORBIDDEN");
    await expectUseCaseError(getBankHoliday(prisma, actor, christmas.id), "FORBIDDEN");
    await expectUseCaseError(getRemovalImpact(prisma, actor, christmas.id), "FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });

  it("lets an administrator of any organisation change the (global) calendar", async () => {
    const other = await prisma.organisation.create({ data: { name: "Another provider" } });
    const result = await createBankHoliday(prisma, { ...fixture.admin, organisationId: other.id }, ST_ANDREWS_DAY);
    // The calendar is shared, so the first organisation's Scotland cases are recomputed too.
    expect(result.recomputedCases).toBe(2);
    expect(await startDueOn(fixture.scotlandCaseId)).toBe(START_DUE_WITH_ST_ANDREWS);
  });
});

describe("the app-wide calendar (loadCalendar's cache) after each committed change", () => {
  it("sees an add, a move, a confirmation and a removal: every change alters its cache key", async () => {
    const isWorkingDay = async (date: string) => (await loadCalendar(prisma)).isWorkingDay(date, "scotland");
    expect(await isWorkingDay("2026-11-30")).toBe(true);

    const { bankHolidayId } = await createBankHoliday(prisma, fixture.admin, ST_ANDREWS_DAY);
    expect(await isWorkingDay("2026-11-30")).toBe(false);

    await updateBankHoliday(prisma, fixture.admin, { bankHolidayId, version: 1, ...ST_ANDREWS_DAY, date: "2026-12-01" });
    expect(await isWorkingDay("2026-11-30")).toBe(true);
    expect(await isWorkingDay("2026-12-01")).toBe(false);

    // Confirming changes no date, but still bumps updatedAt (so the cached `computed` flag refreshes).
    const computed = (await holidayRow("scotland", "2016-01-04"))!;
    await confirmBankHoliday(prisma, fixture.admin, { bankHolidayId: computed.id, version: 1 });
    expect((await holidayRow("scotland", "2016-01-04"))!.updatedAt.getTime()).toBeGreaterThan(computed.updatedAt.getTime());

    await removeBankHoliday(prisma, fixture.admin, { bankHolidayId, version: 2 });
    expect(await isWorkingDay("2026-12-01")).toBe(true);
  });
});

describe("reads for the pages", () => {
  it("lists a year's holidays by nation then date, optionally for one nation", async () => {
    const all = await listBankHolidays(prisma, fixture.admin, { year: 2026 });
    expect(all.map((holiday) => `${holiday.nation} ${holiday.date}`)).toEqual([
      "england_and_wales 2026-12-25",
      "england_and_wales 2026-12-28",
      "scotland 2026-01-01",
      "scotland 2026-01-02",
      "scotland 2026-12-25",
      "scotland 2026-12-28",
    ]);
    const scotland2016 = await listBankHolidays(prisma, fixture.admin, { year: 2016, nation: "scotland" });
    expect(scotland2016).toEqual([
      expect.objectContaining({ date: "2016-01-04", title: "2nd January", notes: "Substitute day", computed: true, version: 1 }),
    ]);
    expect(await listBankHolidays(prisma, fixture.admin, { year: 2027 })).toEqual([]);
  });

  it("reports the years each nation covers and its computed dates to confirm", async () => {
    expect(await getCalendarCoverage(prisma, fixture.admin)).toEqual([
      { nation: "england_and_wales", years: [2026], computedToConfirm: 0 },
      { nation: "scotland", years: [2016, 2026], computedToConfirm: 1 },
      { nation: "northern_ireland", years: [], computedToConfirm: 0 },
    ]);
  });

  it("previews a removal exactly: open cases in the nation, and those whose due dates would move", async () => {
    const { bankHolidayId } = await createBankHoliday(prisma, fixture.admin, ST_ANDREWS_DAY);
    const standrews = await getRemovalImpact(prisma, fixture.admin, bankHolidayId);
    // The closed Scotland case is not counted; the open one's start date would move back.
    expect(standrews).toMatchObject({ openCasesInNation: 1, openCasesMoving: 1, lastInYear: false });
    expect(standrews.holiday).toMatchObject({ id: bankHolidayId, date: "2026-11-30" });

    const christmas = (await holidayRow("scotland", "2026-12-25"))!;
    expect(await getRemovalImpact(prisma, fixture.admin, christmas.id)).toMatchObject({ openCasesInNation: 1, openCasesMoving: 0 });

    const computed2016 = (await holidayRow("scotland", "2016-01-04"))!;
    expect(await getRemovalImpact(prisma, fixture.admin, computed2016.id)).toMatchObject({ lastInYear: true, openCasesMoving: 0 });
  });

  it("answers NOT_FOUND for an unknown or malformed id", async () => {
    await expectUseCaseError(getBankHoliday(prisma, fixture.admin, "not-a-uuid"), "NOT_FOUND");
    await expectUseCaseError(getBankHoliday(prisma, fixture.admin, "3f0e8f6a-5a7c-4c56-9a8e-0c1d2e3f4a5b"), "NOT_FOUND");
  });
});
