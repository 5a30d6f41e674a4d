import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { listWorkQueue } from "@/lib/server/cases/list-work-queue";
import type { WorkQueueFilters } from "@/lib/domain/work-queue/query";
import { createCase, createProvider, type BuiltCase, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * The work queue with its filters and the start order (docs/decisions/0017-work-queue-urgency-and-bulk-reassignment.md):
 * filters narrow THE visibility rule and never widen it (AC-01, AC-02); the "Start within 20 working
 * days" order lists running start clocks first, most overdue first, then started or closed cases (13.13, 3.07).
 */
describe("work queue filters and the start order", () => {
  let db: TestDatabase;
  let provider: Provider;
  let other: Provider;
  let caseworker: UseCaseActor;
  let officer: UseCaseActor;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") };
  const running: BuiltCase[] = [];
  const started: BuiltCase[] = [];
  let scotland: BuiltCase;
  let mappa: BuiltCase;
  let scr: BuiltCase;
  let introduced: BuiltCase;

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    other = await createProvider(db.prisma);
    caseworker = provider.actors.caseworker;
    officer = provider.actors.officer;
    // Started cases with the EARLIEST referral dates: their stored start due dates are the oldest,
    // which the old order put first although their start clock is met.
    for (let index = 0; index < 3; index += 1) {
      started.push(await createCase(db.prisma, provider, { route: "prap_single", state: "started", referralDate: `2026-08-0${index + 3}`, assignedTo: provider.users.caseworker }));
    }
    // More running start clocks than one page of 25 holds, so the two segments are paged across.
    for (let index = 0; index < 26; index += 1) {
      const day = String(1 + (index % 28)).padStart(2, "0");
      running.push(await createCase(db.prisma, provider, { route: "prap_single", state: "referred", referralDate: `2026-${index < 13 ? "10" : "11"}-${day}` }));
    }
    scotland = await createCase(db.prisma, provider, { route: "prap_single", state: "referred", site: provider.sites.scotland, assignedTo: provider.users.caseworkerScotland });
    mappa = await createCase(db.prisma, provider, { route: "prap_single", state: "accepted", restrictionTier: "mappa" });
    scr = await createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer });
    // An SRO introduction not yet accepted: open, not started, and no start clock yet (13.44).
    introduced = await createCase(db.prisma, provider, { route: "sro_introduction", state: "introduced" });
    await createCase(db.prisma, other, { route: "prap_single", state: "referred", site: other.sites.scotland });
  }, 240_000);
  afterAll(() => db.close());

  async function allRows(actor: UseCaseActor, options: { sort?: "next-deadline" | "start-deadline"; filters?: WorkQueueFilters; pageSize?: number }) {
    const first = await listWorkQueue(db.prisma, actor, { view: "open", page: 1, ...clock, ...options });
    const rows = [...first.rows];
    for (let page = 2; page <= first.totalPages; page += 1) {
      rows.push(...(await listWorkQueue(db.prisma, actor, { view: "open", page, ...clock, ...options })).rows);
    }
    return { total: first.total, rows };
  }

  it("sorts running start clocks first, fewest working days left (most overdue) first, then started cases, across pages (13.13)", async () => {
    const { total, rows } = await allRows(caseworker, { sort: "start-deadline" });
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((row) => row.id)).size).toBe(total);
    const startedIds = new Set(started.map((found) => found.id));
    const firstStarted = rows.findIndex((row) => startedIds.has(row.id));
    const lastRunning = rows.map((row) => row.startClock !== null && ["overdue", "due_today", "due_soon", "not_yet_due"].includes(row.startClock.state)).lastIndexOf(true);
    expect(firstStarted).toBeGreaterThan(lastRunning);
    const runningDue = rows.slice(0, lastRunning + 1).map((row) => row.startClock?.dueOn ?? "");
    expect(runningDue).toEqual([...runningDue].sort());
    expect(rows[0].startClock?.state).toBe("overdue");
    // The page boundary falls inside the running segment: page 2 carries on where page 1 stopped.
    const page1 = await listWorkQueue(db.prisma, caseworker, { view: "open", sort: "start-deadline", page: 1, ...clock });
    expect(page1.rows).toHaveLength(25);
    expect(page1.rows.every((row) => !startedIds.has(row.id))).toBe(true);
  });

  it("offers 50 a page on request", async () => {
    const page = await listWorkQueue(db.prisma, caseworker, { view: "open", page: 1, pageSize: 50, ...clock });
    expect(page.rows.length).toBe(page.total);
    expect(page.total).toBeGreaterThan(25);
    expect(page.totalPages).toBe(1);
  });

  it("filters by site: the Scottish site shows only its case", async () => {
    const { rows } = await allRows(caseworker, { filters: { site: provider.sites.scotland.id } });
    expect(rows.map((row) => row.id)).toEqual([scotland.id]);
  });

  it("never shows another organisation's cases through a filter on its site (AC-01)", async () => {
    const { total } = await allRows(caseworker, { filters: { site: other.sites.scotland.id } });
    expect(total).toBe(0);
  });

  it("filters by caseworker and by state", async () => {
    const mine = await allRows(caseworker, { filters: { caseworker: provider.users.caseworkerScotland.id } });
    expect(mine.rows.map((row) => row.id)).toEqual([scotland.id]);
    const startedRows = await allRows(caseworker, { filters: { state: "started" } });
    expect(startedRows.rows.map((row) => row.id).sort()).toEqual(started.map((found) => found.id).sort());
  });

  it("filters by marker: MAPPA for anyone; SCR only for a nominated officer — a caseworker's SCR filter finds nothing (AC-02)", async () => {
    expect((await allRows(caseworker, { filters: { marker: "mappa" } })).rows.map((row) => row.id)).toEqual([mappa.id]);
    expect((await allRows(caseworker, { filters: { marker: "scr" } })).total).toBe(0);
    expect((await allRows(caseworker, { filters: { route: "scr_clerical" } })).total).toBe(0);
    expect((await allRows(officer, { filters: { marker: "scr" } })).rows.map((row) => row.id)).toEqual([scr.id]);
  });

  it("filters by clock status: overdue is a next deadline before today; due soon is today to the end of the window", async () => {
    const overdue = await allRows(caseworker, { filters: { clock: "overdue" } });
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.rows.every((row) => row.nextDeadlineOn !== null && row.nextDeadlineOn < clock.today)).toBe(true);
    const dueSoon = await allRows(caseworker, { filters: { clock: "due-soon" } });
    expect(dueSoon.rows.every((row) => row.nextDeadlineOn !== null && row.nextDeadlineOn >= clock.today)).toBe(true);
    const overdueIds = new Set(overdue.rows.map((row) => row.id));
    expect(dueSoon.rows.some((row) => overdueIds.has(row.id))).toBe(false);
  });

  it("filters by start clock: still running is every case not started with a start due date; missed is those past it (13.13)", async () => {
    const runningRows = await allRows(caseworker, { filters: { clock: "start-running" } });
    const runningIds = runningRows.rows.map((row) => row.id);
    for (const found of running) expect(runningIds).toContain(found.id);
    expect(runningIds.some((id) => started.some((found) => found.id === id))).toBe(false);
    expect(runningIds).not.toContain(introduced.id);
    expect(runningRows.rows.every((row) => row.startClock !== null && ["not_yet_due", "due_soon", "due_today", "overdue"].includes(row.startClock.state))).toBe(true);
    const missed = await allRows(caseworker, { filters: { clock: "start-missed" } });
    expect(missed.total).toBeGreaterThan(0);
    expect(missed.total).toBeLessThan(runningRows.total);
    expect(missed.rows.every((row) => runningIds.includes(row.id) && row.startClock?.state === "overdue")).toBe(true);
  });

  it("filters by route and by ruleset", async () => {
    expect((await allRows(officer, { filters: { route: "scr_clerical" } })).rows.map((row) => row.id)).toEqual([scr.id]);
    const all = await allRows(caseworker, {});
    const byRuleset = await allRows(caseworker, { filters: { ruleset: "ses_2017" } });
    const other = await allRows(caseworker, { filters: { ruleset: "ses_2016_uc" } });
    expect(byRuleset.total + other.total).toBe(all.total);
    expect(byRuleset.total).toBeGreaterThan(0);
    expect(byRuleset.rows.every((row) => row.route !== "prap_two_stage")).toBe(true);
  });

  it("combines filters with the view: unassigned and Scottish finds nothing, since the Scottish case is assigned", async () => {
    const page = await listWorkQueue(db.prisma, caseworker, { view: "unassigned", page: 1, filters: { site: provider.sites.scotland.id }, ...clock });
    expect(page.total).toBe(0);
  });
});
