import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWorkingDayCalendar } from "@/lib/calendar";
import { isoDateFromDb } from "@/lib/db/dates";
import { nationFromCode } from "@/lib/domain/nation";
import { createBankHoliday } from "@/lib/server/calendar/create-bank-holiday";
import { getRecomputeStatus } from "@/lib/server/calendar/get-recompute-status";
import { recomputeDueDatesJob } from "@/lib/server/calendar/recompute-due-dates-job";
import { removeBankHoliday } from "@/lib/server/calendar/remove-bank-holiday";
import { CLOCK_INPUT_SELECT, dueDateColumnsFor } from "@/lib/server/cases/recompute-due-dates";
import { JOB } from "@/lib/server/jobs/job-names";
import { canQueueJobs } from "@/lib/server/jobs/queue-available";
import { createCase, createProvider, type Provider } from "../support/builders";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { drainJobs } from "../jobs/support/drain-jobs";
import { jobContext } from "../jobs/support/job-fixtures";

/**
 * The bank-holiday recompute off the request (docs/decisions/0022-background-jobs.md; docs/rules/clocks.md,
 * "Working days"): on PostgreSQL a calendar change queues `calendar:recompute-due-dates` in its own
 * transaction and the due dates move only when the worker has run it. The inline path (no queue)
 * is tests/integration/calendar/bank-holiday-admin.test.ts.
 *
 * A case referred on Friday 20 November 2026 (ses_2017: start within 20 working days, 3.07); a
 * made-up Scottish holiday on Wednesday 25 November 2026 falls inside that count, so it moves.
 */
const HOLIDAY = { nation: "scotland", date: "2026-11-25", title: "Test holiday", notes: null } as const;

let db: TestDatabase;
let provider: Provider;

async function dueDates(caseId: string) {
  const row = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { startDueOn: true, nextDeadlineOn: true } });
  return { startDueOn: isoDateFromDb(row.startDueOn), nextDeadlineOn: isoDateFromDb(row.nextDeadlineOn) };
}

/** What the app would store for the case against the calendar as it is now. */
async function expectedStartDue(caseId: string) {
  const rows = await db.prisma.bankHoliday.findMany();
  const calendar = createWorkingDayCalendar(rows.map((row) => ({ nation: nationFromCode(row.nation), date: isoDateFromDb(row.date), title: row.title })));
  const row = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: CLOCK_INPUT_SELECT });
  const columns = dueDateColumnsFor(row, calendar);
  return columns.startDueOn ? isoDateFromDb(columns.startDueOn as Date) : null;
}

const recomputeJobs = () =>
  db.prisma.$queryRaw<{ key: string; payload: unknown }[]>`
    SELECT j.key, j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = ${JOB.recomputeDueDates} ORDER BY j.key`;

describe.skipIf(!process.env.DATABASE_URL)("the bank-holiday recompute off the request (PostgreSQL)", () => {
  beforeEach(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterEach(async () => {
    await db.close();
  });

  it("PostgreSQL has a job queue, so the recompute is queued", async () => {
    expect(await canQueueJobs(db.prisma)).toBe(true);
  });

  it("adding a holiday leaves due dates unchanged until the worker runs the job, then they move (clocks: working days)", async () => {
    const scottish = await createCase(db.prisma, provider, { route: "prap_single", ruleset: "ses_2017", site: provider.sites.scotland, referralDate: "2026-11-20" });
    const english = await createCase(db.prisma, provider, { route: "prap_single", ruleset: "ses_2017", site: provider.sites.england, referralDate: "2026-11-20" });
    const before = await dueDates(scottish.id);
    const englishBefore = await dueDates(english.id);

    const result = await createBankHoliday(db.prisma, provider.actors.administrator, HOLIDAY);

    expect(result).toMatchObject({ recomputedCases: null, recomputeQueued: true });
    expect(await dueDates(scottish.id)).toEqual(before);
    expect(await recomputeJobs()).toEqual([{ key: "recompute-due-dates:scotland", payload: { nations: ["scotland"] } }]);
    expect(await getRecomputeStatus(db.prisma, provider.actors.administrator)).toEqual({ queue: true, pending: [{ nation: "scotland", state: "queued" }] });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "bankHoliday.created", entityId: result.bankHolidayId } });
    expect(audit.after).toMatchObject({ recomputedCases: null, recomputeQueued: true });

    await drainJobs(db, [JOB.recomputeDueDates]);

    const after = await dueDates(scottish.id);
    expect(after.startDueOn).not.toBe(before.startDueOn);
    expect(after.startDueOn).toBe(await expectedStartDue(scottish.id));
    expect(await dueDates(english.id)).toEqual(englishBefore);
    expect(await getRecomputeStatus(db.prisma, provider.actors.administrator)).toEqual({ queue: true, pending: [] });
  });

  it("two changes before the worker runs leave one queued recompute for the nation (replace), which sees the latest calendar", async () => {
    const scottish = await createCase(db.prisma, provider, { route: "prap_single", ruleset: "ses_2017", site: provider.sites.scotland, referralDate: "2026-11-20" });
    const before = await dueDates(scottish.id);
    const { bankHolidayId } = await createBankHoliday(db.prisma, provider.actors.administrator, HOLIDAY);
    await removeBankHoliday(db.prisma, provider.actors.administrator, { bankHolidayId, version: 1 });

    expect(await recomputeJobs()).toHaveLength(1);
    await drainJobs(db, [JOB.recomputeDueDates]);
    expect(await dueDates(scottish.id)).toEqual(before);
  });

  it("the recompute task is idempotent: running it twice stores what running it once does", async () => {
    const scottish = await createCase(db.prisma, provider, { route: "prap_single", ruleset: "ses_2017", site: provider.sites.scotland, referralDate: "2026-11-20" });
    await createBankHoliday(db.prisma, provider.actors.administrator, HOLIDAY);
    const auditRows = await db.prisma.auditEvent.count();

    await recomputeDueDatesJob({ nations: ["scotland"] }, jobContext(db.prisma));
    const once = await dueDates(scottish.id);
    await recomputeDueDatesJob({ nations: ["scotland"] }, jobContext(db.prisma));

    expect(once.startDueOn).toBe(await expectedStartDue(scottish.id));
    expect(await dueDates(scottish.id)).toEqual(once);
    expect(await db.prisma.auditEvent.count()).toBe(auditRows);
  });
});
