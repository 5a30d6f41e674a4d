import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listQueueFilterOptions } from "@/lib/server/cases/list-queue-filter-options";
import { listWorkQueue } from "@/lib/server/cases/list-work-queue";
import { listMyCasesDueThisWeek } from "@/lib/server/dashboard/list-my-cases-due";
import { countExpectedReferrals } from "@/lib/server/expected-referrals/list-expected-referrals";
import { getRestrictedQueue } from "@/lib/server/scr/get-restricted-queue";
import { createCase, createProvider, type Provider } from "../support/builders";
import { countingClient, type CountingClient } from "../support/count-queries";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The lists people open all day read the calendar, the settings and the organisation's sites and
 * staff once per process, not on every render (docs/decisions/0031-per-request-and-per-process-caches.md,
 * docs/decisions/0039-staff-and-sites-per-process.md). Counted with Prisma's query events on a
 * second client, after a first render has loaded them.
 */
describe("the daily lists read reference data once per process", () => {
  let db: TestDatabase;
  let counting: CountingClient;
  let provider: Provider;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") } as const;
  /** Queries whose first FROM is a table read per process: the calendar, the settings, the sites and the staff (a join in a list's own query does not count). */
  const PER_PROCESS = new Set(["BankHoliday", "Setting", "Site", "User", "UserSite"]);
  const referenceReads = (queries: string[]) => queries.filter((sql) => PER_PROCESS.has(/ FROM (?:"public"\.)?"(\w+)"/.exec(sql)?.[1] ?? ""));

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred", assignedTo: provider.users.caseworker });
    await createCase(db.prisma, provider, { route: "scr_clerical", state: "referred" });
    // A Warm Handover call still waiting for its PRaP referral (3.05): the queue's link counts it.
    await db.prisma.expectedReferral.create({
      data: {
        organisationId: provider.organisation.id,
        siteId: provider.sites.scotland.id,
        handoverName: "Jo Coach",
        handoverPhone: "0141 000 0000",
        handoverEmail: "jo.coach@example.org",
        forename: "Sam",
        surname: "Expected",
        calledOn: new Date("2026-11-02T00:00:00Z"),
        status: "expected",
        createdById: provider.users.caseworker.id,
      },
    });
    counting = countingClient(db);
  }, 120_000);
  afterAll(async () => {
    await counting?.close();
    await db?.close();
  });

  it("the work queue, its filters and its expected-referral link: the page, its count and the expected referrals, nothing else", async () => {
    const render = () =>
      Promise.all([
        listWorkQueue(counting.prisma, provider.actors.caseworker, { view: "open", page: 1, ...clock }),
        listQueueFilterOptions(counting.prisma, provider.actors.caseworker),
        countExpectedReferrals(counting.prisma, provider.actors.caseworker, clock.today),
      ]);
    const [first, , expected] = await render();
    expect(first.rows.length).toBeGreaterThan(0);
    expect(expected).toEqual({ expected: 1, missing: 1 });
    const queries = await counting.queriesDuring(render);
    expect(referenceReads(queries)).toEqual([]);
    // The page, its count and the expected referrals.
    expect(queries).toHaveLength(3);
  });

  it("the nominated officer's restricted queue", async () => {
    const first = await getRestrictedQueue(counting.prisma, provider.actors.officer, clock);
    expect(first.openScrCases.length).toBeGreaterThan(0);
    expect(referenceReads(await counting.queriesDuring(() => getRestrictedQueue(counting.prisma, provider.actors.officer, clock)))).toEqual([]);
  });

  it("a caseworker's cases due this week", async () => {
    const render = () => listMyCasesDueThisWeek(counting.prisma, provider.actors.caseworker, clock.today, clock.now);
    expect((await render()).rows.length).toBeGreaterThan(0);
    expect(referenceReads(await counting.queriesDuring(render))).toEqual([]);
  });
});
