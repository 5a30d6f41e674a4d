import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDateFromDb } from "@/lib/db/dates";
import {
  VOLUME_CASEWORKERS_PER_SITE,
  VOLUME_ORGANISATION_ID,
  VOLUME_TODAY,
  buildVolumeDataset,
  seedVolume,
  volumeSiteId,
  type VolumeSeedSummary,
} from "@/tests/bench/volume-seed";
import { pgClientExecutor, pgliteExecutor, type SqlExecutor } from "@/lib/db/sql-executor";
import { CLOSED_STATES, type CaseState } from "@/lib/domain/case-states";
import { ninoProblem, purchaseOrderProblem } from "@/lib/domain/identifiers";
import { loadCalendar } from "@/lib/server/reference/load-calendar";
import { CLOCK_INPUT_SELECT, dueDateColumnsFor } from "@/lib/server/cases/recompute-due-dates";
import { loadDeadlineSettings } from "@/lib/server/reference/load-deadline-settings";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

// Small N so the test is fast; the bench uses 100,000 (or BENCH_CASES) with the same generator.
const N = 500;
const SEED = 4242;

interface Seeded {
  db: TestDatabase;
  sql: SqlExecutor;
  close(): Promise<void>;
}

async function openSeeded(): Promise<Seeded> {
  const db = await createTestDatabase();
  if (db.url) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    return { db, sql: pgClientExecutor(client), close: async () => { await client.end(); await db.close(); } };
  }
  if (!db.pglite) throw new Error("A test database is PostgreSQL (url) or PGlite");
  return { db, sql: pgliteExecutor(db.pglite), close: () => db.close() };
}

/** md5 of every volume row, in a stable order (the seed sets every column explicitly). */
async function digest(sql: SqlExecutor): Promise<Record<string, string>> {
  const [row] = await sql.query<{ cases: string; claimants: string; referrals: string; users: string }>(
    `SELECT
       (SELECT md5(string_agg(c::text, '|' ORDER BY c.id)) FROM "Case" c WHERE c."organisationId" = $1::uuid) AS cases,
       (SELECT md5(string_agg(cl::text, '|' ORDER BY cl.id)) FROM "Claimant" cl JOIN "Case" c ON c."claimantId" = cl.id WHERE c."organisationId" = $1::uuid) AS claimants,
       (SELECT md5(string_agg(p::text, '|' ORDER BY p.id)) FROM "PrapReferral" p JOIN "Case" c ON c.id = p."caseId" WHERE c."organisationId" = $1::uuid) AS referrals,
       (SELECT md5(string_agg(u.email || u.name || u.roles::text, '|' ORDER BY u.id)) FROM "User" u WHERE u."organisationId" = $1::uuid) AS users`,
    [VOLUME_ORGANISATION_ID],
  );
  return { ...row };
}

/** The big tables' indexes, constraints and triggers, as the catalogue describes them. */
async function schemaOf(sql: SqlExecutor): Promise<string[]> {
  const rows = await sql.query<{ item: string }>(
    `SELECT 'index ' || pg_get_indexdef(i.indexrelid) AS item FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
       WHERE t.relname IN ('Case', 'Claimant', 'PrapReferral', 'InitialAssessment') AND t.relnamespace = current_schema()::regnamespace
     UNION ALL SELECT 'constraint ' || t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' ' || c.convalidated::text FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
       WHERE t.relname IN ('Case', 'Claimant', 'PrapReferral', 'InitialAssessment') AND t.relnamespace = current_schema()::regnamespace
     UNION ALL SELECT 'trigger ' || tg.tgname || ' ' || tg.tgenabled::text FROM pg_trigger tg JOIN pg_class t ON t.oid = tg.tgrelid
       WHERE t.relname = 'Case' AND NOT tg.tgisinternal
     ORDER BY 1`,
  );
  return rows.map((row) => row.item);
}

function expectedShares(n: number) {
  let scr = 0;
  let mappa = 0;
  for (let i = 0; i < n; i++) {
    if (i % 100 === 37) scr++;
    else if (i % 67 === 11) mappa++;
  }
  return { scr, mappa };
}

describe("volume seed for npm run bench (speed at scale)", () => {
  let first: Seeded;
  let second: Seeded;
  let summary: VolumeSeedSummary;
  let schemaBefore: string[];

  beforeAll(async () => {
    first = await openSeeded();
    second = await openSeeded();
    schemaBefore = await schemaOf(first.sql);
    summary = await seedVolume(first.db.prisma, first.sql, { cases: N, prngSeed: SEED });
    await seedVolume(second.db.prisma, second.sql, { cases: N, prngSeed: SEED });
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it("writes the stated counts: N cases and claimants, an England and a Scotland site, 42 users, 1 in 100 SCR, 1 in 67 MAPPA", async () => {
    const { scr, mappa } = expectedShares(N);
    expect(summary.alreadySeeded).toBe(false);
    expect(summary.counts).toMatchObject({ cases: N, claimants: N, sites: 2, users: VOLUME_CASEWORKERS_PER_SITE * 2 + 2, scr, mappa });
    const prisma = first.db.prisma;
    expect(await prisma.case.count({ where: { organisationId: VOLUME_ORGANISATION_ID } })).toBe(N);
    expect(await prisma.claimant.count()).toBe(N);
    const sites = await prisma.site.findMany({ where: { organisationId: VOLUME_ORGANISATION_ID }, select: { nation: true }, orderBy: { nation: "asc" } });
    expect(sites.map((site) => site.nation)).toEqual(["england_and_wales", "scotland"]);
    for (const site of ["england", "scotland"] as const) {
      expect(await prisma.case.count({ where: { siteId: volumeSiteId(site) } })).toBeGreaterThan(N / 5);
    }
    // SCR cases are clerical: no PRaP referral (13.53); every other referred case has one or two.
    expect(await prisma.prapReferral.count({ where: { case: { restrictionTier: "scr" } } })).toBe(0);
    expect(await prisma.case.count({ where: { restrictionTier: "scr", route: { not: "scr_clerical" } } })).toBe(0);
    expect(summary.counts.prapReferrals).toBeGreaterThan(N * 0.9);
    // Initial Assessments (13.19–13.21): a not-suitable case's says not recommended; most cases have one.
    expect(summary.counts.initialAssessments).toBeGreaterThan(N * 0.7);
    expect(await prisma.case.count({ where: { state: "not_suitable", initialAssessment: { isNot: { outcome: "not_recommended" } } } })).toBe(0);
    expect(await prisma.case.count({ where: { state: "started", route: { not: "sro_introduction" }, initialAssessment: { isNot: { outcome: "recommended" } } } })).toBe(0);
    const referrals = await prisma.prapReferral.findMany({ select: { purchaseOrderNumber: true } });
    expect(referrals.every((referral) => purchaseOrderProblem(referral.purchaseOrderNumber) === null)).toBe(true);
    const ninos = await prisma.claimant.findMany({ select: { nino: true } });
    expect(ninos.filter((claimant) => ninoProblem(claimant.nino ?? "") !== null)).toEqual([]);
  });

  it("spreads referrals over 3 years before the fixed today, most closed and some open at each early stage, assigned to the 40 caseworkers", async () => {
    const prisma = first.db.prisma;
    const range = await prisma.case.aggregate({ where: { organisationId: VOLUME_ORGANISATION_ID }, _min: { referralDate: true }, _max: { referralDate: true } });
    expect(isoDateFromDb(range._max.referralDate)! <= VOLUME_TODAY).toBe(true);
    expect(isoDateFromDb(range._min.referralDate)! < "2024-01-31").toBe(true);
    expect(isoDateFromDb(range._min.referralDate)! >= "2023-11-20").toBe(true);
    const byState = await prisma.case.groupBy({ by: ["state"], _count: { _all: true } });
    const count = (state: CaseState) => byState.find((group) => group.state === state)?._count._all ?? 0;
    const closed = byState.filter((group) => CLOSED_STATES.has(group.state)).reduce((total, group) => total + group._count._all, 0);
    expect(closed).toBeGreaterThan(N * 0.8);
    expect(closed).toBeLessThan(N);
    expect(count("completed")).toBeGreaterThan(count("left_early"));
    expect(N - closed).toBe(summary.counts.open);
    const caseworkers = await prisma.case.findMany({ where: { assignedCaseworkerId: { not: null } }, distinct: ["assignedCaseworkerId"], select: { assignedCaseworkerId: true } });
    expect(caseworkers.length).toBeGreaterThan(30);
    expect(caseworkers.length).toBeLessThanOrEqual(VOLUME_CASEWORKERS_PER_SITE * 2);
  });

  it("puts back every index, constraint and trigger it set aside for the bulk load, and moves the reference sequence past the references written", async () => {
    const after = await schemaOf(first.sql);
    expect(after.filter((item) => item.startsWith("index")).length).toBeGreaterThan(10);
    expect(after.some((item) => item.includes("Case_siteId_fkey"))).toBe(true);
    expect(after).toEqual(schemaBefore);
    // The next case opened must not collide with SES-100001 … (the reference trigger's job, done once).
    const [{ next }] = await first.sql.query<{ next: string }>(`SELECT nextval('"case_reference_seq"')::text AS next`);
    expect(Number(next)).toBe(100_000 + N + 1);
  });

  it("is deterministic: the same seed writes identical rows in two databases, and a second run is skipped", async () => {
    expect(await digest(second.sql)).toEqual(await digest(first.sql));
    const again = await seedVolume(first.db.prisma, first.sql, { cases: N, prngSeed: SEED });
    expect(again.alreadySeeded).toBe(true);
    expect(again.counts).toEqual(summary.counts);
  });

  it("a different seed gives different rows (the determinism check can fail)", async () => {
    const calendar = await loadCalendar(first.db.prisma);
    const settings = await loadDeadlineSettings(first.db.prisma);
    const build = (prngSeed: number) => buildVolumeDataset({ cases: 50, prngSeed, today: VOLUME_TODAY, calendar, settings, passwordHash: "x" }).cases;
    expect(build(SEED)).toEqual(build(SEED));
    expect(build(SEED + 1)).not.toEqual(build(SEED));
  });

  it("stores the due dates dueDateColumnsFor computes with the loaded calendar (13.13, 13.14, 13.17, 3.07, 13.35)", async () => {
    const prisma = first.db.prisma;
    const calendar = await loadCalendar(prisma);
    const settings = await loadDeadlineSettings(prisma);
    const sample = await prisma.case.findMany({
      where: { organisationId: VOLUME_ORGANISATION_ID },
      orderBy: { reference: "asc" },
      select: { reference: true, ...CLOCK_INPUT_SELECT, formsChaseDueOn: true, ucpr1DuplicateDueOn: true, welcomeCallDueOn: true, meetDueOn: true, startDueOn: true, cancelDueAt: true, exitNoticeDueOn: true, nextDeadlineOn: true },
    });
    // Every open case and every 5th of the rest, both nations.
    const checked = sample.filter((row, index) => !CLOSED_STATES.has(row.state) || index % 5 === 0);
    expect(checked.length).toBeGreaterThan(100);
    expect(checked.some((row) => row.site.nation === "scotland")).toBe(true);
    expect(checked.filter((row) => row.nextDeadlineOn !== null).length).toBeGreaterThan(0);
    for (const row of checked) {
      const { reference, formsChaseDueOn, ucpr1DuplicateDueOn, welcomeCallDueOn, meetDueOn, startDueOn, cancelDueAt, exitNoticeDueOn, nextDeadlineOn } = row;
      expect({ reference, formsChaseDueOn, ucpr1DuplicateDueOn, welcomeCallDueOn, meetDueOn, startDueOn, cancelDueAt, exitNoticeDueOn, nextDeadlineOn }).toEqual({ reference, ...dueDateColumnsFor(row, calendar, settings) });
    }
  });
});
