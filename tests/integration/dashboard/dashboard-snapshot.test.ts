import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_PERIODS } from "@/lib/domain/dashboard/periods";
import { dashboardFiltersSchema, type DashboardFilters } from "@/lib/domain/dashboard/filters";
import type { DashboardView } from "@/lib/domain/dashboard/view";
import { loadDashboard } from "@/lib/server/dashboard/load-dashboard";
import { loadSnapshotMoment } from "@/lib/server/dashboard/dashboard-snapshot";
import { refreshDashboardSnapshot, refreshDashboardSnapshots } from "@/lib/server/dashboard/refresh-dashboard-snapshot";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { JOB } from "@/lib/server/jobs/job-names";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";
import { drainJobs } from "../jobs/support/drain-jobs";
import { CASEWORKER_A, GLASGOW, LEEDS, NOW, ORG, TODAY, actors, caseId, seedDashboardFixture } from "@/tests/integration/support/dashboard-fixture";

/**
 * The dashboard's period-figure snapshot (docs/decisions/0032-dashboard-at-a-million-cases.md, the
 * snapshot amendment): counted by the job, then read, it gives exactly the live figures for the
 * same data under every filter and period; a snapshot older than the data still shows its own
 * figures and says when they were counted; without a snapshot (small organisations) the
 * dashboard counts live.
 */
const filters = (extra: Partial<DashboardFilters> = {}): DashboardFilters => dashboardFiltersSchema.parse({ ...extra });

/** Every filter combination the dashboard offers, in every period. */
const FILTER_COMBINATIONS: Partial<DashboardFilters>[] = [
  {},
  { site: [LEEDS] },
  { site: [GLASGOW] },
  { site: [LEEDS, GLASGOW] },
  { caseworker: CASEWORKER_A },
  { route: "prap_single" },
  { route: "prap_two_stage" },
  { site: [LEEDS], caseworker: CASEWORKER_A, route: "prap_two_stage" },
];
const FILTER_SETS: Partial<DashboardFilters>[] = FILTER_COMBINATIONS.flatMap((set) => DASHBOARD_PERIODS.map((period) => ({ ...set, period })));

const ACTORS: UseCaseActor[] = [actors.manager, actors.otherManager];

/** The figures the snapshot can change (start target, funnel, starts per strand), without the moment. */
const periodFigures = (view: DashboardView) => ({ startTarget: view.startTarget, funnel: view.funnel, starts: view.provision.byStrand.map((row) => [row.key, row.starts]) });

describe("dashboard snapshot of the period figures", () => {
  let db: TestDatabase;
  const load = (actor: UseCaseActor, extra: Partial<DashboardFilters> = {}, today = TODAY) => loadDashboard(db.prisma, actor, filters(extra), today, { now: NOW });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDashboardFixture(db.prisma);
  });
  afterAll(() => db.close());

  it("without a snapshot the dashboard counts live, and a small organisation gets none from the job", async () => {
    expect((await load(actors.manager)).periodFiguresAsOf).toBeNull();
    const results = await refreshDashboardSnapshots(db.prisma, NOW);
    expect(results.map((result) => result.outcome)).toEqual(results.map(() => "live"));
    expect(await db.prisma.dashboardSnapshot.count()).toBe(0);
    expect((await load(actors.manager)).periodFiguresAsOf).toBeNull();
  });

  it("a snapshot counted then read gives exactly the live figures for the same data, under every filter, period and actor", async () => {
    const live = new Map<string, DashboardView>();
    for (const actor of ACTORS) for (const set of FILTER_SETS) live.set(JSON.stringify([actor.id, set]), await load(actor, set));

    for (const organisationId of [ORG, actors.otherManager.organisationId]) {
      const result = await refreshDashboardSnapshot(db.prisma, organisationId, NOW, { minimumCases: 0 });
      expect(result.outcome).toBe("built");
    }
    for (const actor of ACTORS) {
      for (const set of FILTER_SETS) {
        const fromSnapshot = await load(actor, set);
        const before = live.get(JSON.stringify([actor.id, set])) as DashboardView;
        expect(fromSnapshot.periodFiguresAsOf, JSON.stringify(set)).toBe(NOW.toISOString());
        expect({ ...fromSnapshot, periodFiguresAsOf: null }, `${actor.id} ${JSON.stringify(set)}`).toEqual(before);
      }
    }
  });

  it("a stale snapshot keeps its figures and shows when they were counted; counting again brings the change in", async () => {
    const before = await load(actors.manager);
    expect(before.periodFiguresAsOf).toBe(NOW.toISOString());
    // Case 11 (rejected after its 1 December deadline, so missed) is now recorded as started on its deadline.
    await db.prisma.case.update({ where: { id: caseId("c11") }, data: { state: "started", startedOn: new Date("2026-12-01T00:00:00.000Z"), closedAt: null, closureReasonId: null } });

    const stale = await load(actors.manager);
    expect(stale.periodFiguresAsOf).toBe(NOW.toISOString());
    expect(periodFigures(stale)).toEqual(periodFigures(before));
    await db.prisma.dashboardSnapshot.deleteMany({});
    const liveNow = await load(actors.manager);
    expect(liveNow.periodFiguresAsOf).toBeNull();
    expect(liveNow.startTarget.period.onTime).toBe(before.startTarget.period.onTime + 1);

    const later = new Date(NOW.getTime() + 5 * 60_000);
    expect((await refreshDashboardSnapshot(db.prisma, ORG, later, { minimumCases: 0, force: true })).outcome).toBe("built");
    const recounted = await load(actors.manager);
    expect(recounted.periodFiguresAsOf).toBe(later.toISOString());
    expect(periodFigures(recounted)).toEqual(periodFigures(liveNow));
  });

  it("counting again over a snapshot writes only the counts that changed, and still gives exactly the live figures", async () => {
    const at = new Date(NOW.getTime() + 10 * 60_000);
    const refresh = () => refreshDashboardSnapshot(db.prisma, ORG, at, { minimumCases: 0, force: true });
    const first = await refresh();
    expect(first.outcome).toBe("built");
    // Nothing has changed since: every row is still right, so none is written (no dead rows left behind).
    expect((await refresh()).rowsWritten).toBe(0);

    // A case of caseworker A's becomes unassigned: its rows' counts move to other keys (rows updated,
    // inserted, or deleted when they count nothing any more), and the rest are left as they are.
    const moved = await db.prisma.case.findFirstOrThrow({ where: { organisationId: ORG, assignedCaseworkerId: CASEWORKER_A, startDueOn: { not: null } }, select: { id: true }, orderBy: { reference: "asc" } });
    await db.prisma.case.update({ where: { id: moved.id }, data: { assignedCaseworkerId: null } });
    const recount = await refresh();
    expect(recount.rowsWritten).toBeGreaterThan(0);
    expect(recount.rowsWritten).toBeLessThan(recount.startRows + recount.funnelRows);

    const fromSnapshot = new Map<string, DashboardView>();
    for (const set of FILTER_SETS) fromSnapshot.set(JSON.stringify(set), await load(actors.manager, set));
    await db.prisma.dashboardSnapshot.deleteMany({ where: { organisationId: ORG } });
    for (const set of FILTER_SETS) {
      const snapshotView = fromSnapshot.get(JSON.stringify(set)) as DashboardView;
      expect(snapshotView.periodFiguresAsOf).toBe(at.toISOString());
      expect({ ...snapshotView, periodFiguresAsOf: null }, JSON.stringify(set)).toEqual(await load(actors.manager, set));
    }
    expect((await refresh()).outcome).toBe("built");
  });

  it("a snapshot counted after the day asked about is not used: that day is counted live", async () => {
    expect(await loadSnapshotMoment(db.prisma, ORG, TODAY)).not.toBeNull();
    expect(await loadSnapshotMoment(db.prisma, ORG, "2026-12-02")).toBeNull();
    expect((await load(actors.manager, {}, "2026-12-02")).periodFiguresAsOf).toBeNull();
  });

  it("the job removes the snapshot of an organisation that no longer needs one", async () => {
    expect((await refreshDashboardSnapshot(db.prisma, ORG, NOW, { minimumCases: 1_000_000, force: true })).outcome).toBe("live");
    expect(await db.prisma.dashboardSnapshot.count({ where: { organisationId: ORG } })).toBe(0);
    // Through the queue (on PostgreSQL), as the cron item runs it: a snapshot of an earlier day is out of date,
    // so it is counted again, and this small organisation is left live.
    await refreshDashboardSnapshot(db.prisma, ORG, new Date("2026-11-02T12:00:00.000Z"), { minimumCases: 0, force: true });
    if (db.url) {
      await enqueueJob(db.prisma, JOB.dashboardSnapshots, {});
      await drainJobs(db, [JOB.dashboardSnapshots]);
    } else {
      // PGlite: the test worker needs a connection string; the job's own work, as it runs it.
      await refreshDashboardSnapshots(db.prisma, NOW);
    }
    expect(await db.prisma.dashboardSnapshot.count()).toBe(0);
    expect((await load(actors.manager)).periodFiguresAsOf).toBeNull();
  });
});
