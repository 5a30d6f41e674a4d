import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db/prisma";
import { CASE_STATES, CLOSED_STATES, type CaseState } from "@/lib/domain/case-states";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { listWorkQueue, WORK_QUEUE_PAGE_SIZE, type WorkQueueView } from "@/lib/server/cases/list-work-queue";
import { createCase, createProvider, type CaseSpec, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * The work queue's views list open states as a positive `state IN (…)` (index-friendly at
 * 100,000 cases: docs/architecture.md). These tests pin that the views still mean what they
 * did: every case not in a closed state is open — including any state added to the enum later.
 */
describe("work queue views: open, mine, unassigned and closed partition the visible cases", () => {
  let db: TestDatabase;
  let provider: Provider;
  let caseworker: UseCaseActor;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") };

  // Read-only: built once. More open cases than one page holds, closed ones, each kind of assignee,
  // an SCR case (hidden from a caseworker, AC-02) and another provider's case.
  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    caseworker = provider.actors.caseworker;
    const { users } = provider;
    const open: CaseSpec[] = [
      { route: "prap_two_stage", state: "referred" },
      { route: "prap_two_stage", state: "acknowledged" },
      { route: "prap_two_stage", state: "assessment_booked" },
      { route: "prap_two_stage", state: "recommended" },
      { route: "prap_two_stage", state: "accepted" },
      { route: "prap_two_stage", state: "started" },
      { route: "prap_single", state: "referred" },
      { route: "prap_single", state: "accepted" },
      { route: "prap_single", state: "backed_out" },
      { route: "sro_introduction", state: "introduced" },
    ];
    const assignees = [users.caseworker, null, users.caseworkerScotland];
    for (let index = 0; index < WORK_QUEUE_PAGE_SIZE + 5; index += 1) {
      await createCase(db.prisma, provider, { ...open[index % open.length], assignedTo: assignees[index % assignees.length], referralDate: `2026-11-${String(2 + (index % 20)).padStart(2, "0")}` });
    }
    const closed: [CaseSpec["route"], CaseState][] = [["prap_two_stage", "completed"], ["prap_single", "left_early"], ["prap_single", "rejected"], ["prap_single", "cancelled"], ["prap_two_stage", "not_suitable"]];
    for (const [route, state] of closed) await createCase(db.prisma, provider, { route, state, assignedTo: users.caseworker });
    await createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: users.officer });
    await createCase(db.prisma, await createProvider(db.prisma), { state: "referred" });
  });
  afterAll(() => db.close());

  /** Every case of the view, all pages. */
  async function allRows(view: WorkQueueView) {
    const first = await listWorkQueue(db.prisma, caseworker, { view, page: 1, ...clock });
    const rows = [...first.rows];
    for (let page = 2; page <= first.totalPages; page++) rows.push(...(await listWorkQueue(db.prisma, caseworker, { view, page, ...clock })).rows);
    return { total: first.total, rows };
  }

  /** The same cases counted independently: visible to a caseworker (no SCR, AC-02), by closed-or-not. */
  async function expected(where: Prisma.CaseWhereInput) {
    const cases = await db.prisma.case.findMany({
      where: { organisationId: caseworker.organisationId, restrictionTier: { not: "scr" }, ...where },
      select: { id: true, state: true, exitNoticeDueOn: true, exitNoticeSentOn: true },
    });
    return cases;
  }
  /**
   * Work still to do: an open case, or a closed one whose exit notice is still to send.
   * Changed on purpose: the exit notice is a task with a clock after the exit
   * (docs/rules/clocks.md "Exit notice"; 3.16, 13.21 note).
   */
  const toDo = (row: { state: (typeof CASE_STATES)[number]; exitNoticeDueOn: Date | null; exitNoticeSentOn: Date | null }) =>
    !CLOSED_STATES.has(row.state) || (row.exitNoticeDueOn !== null && row.exitNoticeSentOn === null);

  it("every state is either open or closed, and the cases built here are in both", async () => {
    const open = CASE_STATES.filter((state) => !CLOSED_STATES.has(state));
    expect(open.length + CLOSED_STATES.size).toBe(CASE_STATES.length);
    const states = (await db.prisma.case.findMany({ select: { state: true } })).map((row) => row.state);
    expect(states.some((state) => CLOSED_STATES.has(state))).toBe(true);
    expect(states.some((state) => !CLOSED_STATES.has(state))).toBe(true);
  });

  it("open lists exactly the visible cases not in a closed state, or with an exit notice to send, soonest stored deadline first", async () => {
    const want = (await expected({})).filter(toDo);
    const got = await allRows("open");
    expect(want.length).toBeGreaterThan(WORK_QUEUE_PAGE_SIZE); // more than one page
    expect(got.total).toBe(want.length);
    expect(new Set(got.rows.map((row) => row.id))).toEqual(new Set(want.map((row) => row.id)));
    const deadlines = got.rows.map((row) => row.nextDeadlineOn ?? "9999-12-31");
    expect(deadlines).toEqual([...deadlines].sort());
    expect(got.rows.length).toBeLessThanOrEqual(WORK_QUEUE_PAGE_SIZE * Math.max(1, Math.ceil(want.length / WORK_QUEUE_PAGE_SIZE)));
  });

  it("a page past the end (a stale link) shows the last page, fetched again after the count", async () => {
    const first = await listWorkQueue(db.prisma, caseworker, { view: "closed", page: 1, ...clock });
    const last = await listWorkQueue(db.prisma, caseworker, { view: "closed", page: first.totalPages, ...clock });
    const beyond = await listWorkQueue(db.prisma, caseworker, { view: "closed", page: first.totalPages + 5, ...clock });
    expect(beyond.page).toBe(first.totalPages);
    expect(beyond.rows.map((row) => row.id)).toEqual(last.rows.map((row) => row.id));
    expect(beyond.rows.length).toBeGreaterThan(0);
  });

  it("mine and unassigned are the cases with work to do assigned to me and to nobody; closed is every closed case", async () => {
    const visible = await expected({});
    const mineWant = (await expected({ assignedCaseworkerId: caseworker.id })).filter(toDo);
    const unassignedWant = (await expected({ assignedCaseworkerId: null })).filter(toDo);
    const closedWant = visible.filter((row) => CLOSED_STATES.has(row.state));
    expect(mineWant.length).toBeGreaterThan(0);
    expect(closedWant.length).toBeGreaterThan(0);
    expect(new Set((await allRows("mine")).rows.map((row) => row.id))).toEqual(new Set(mineWant.map((row) => row.id)));
    expect(new Set((await allRows("unassigned")).rows.map((row) => row.id))).toEqual(new Set(unassignedWant.map((row) => row.id)));
    expect(new Set((await allRows("closed")).rows.map((row) => row.id))).toEqual(new Set(closedWant.map((row) => row.id)));
  });
});
