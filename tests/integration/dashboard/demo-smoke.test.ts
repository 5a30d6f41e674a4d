import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/seed/seed-demo";
import { DEFAULT_DASHBOARD_FILTERS } from "@/lib/domain/dashboard/filters";
import { loadDashboard } from "@/lib/server/dashboard/load-dashboard";
import { listMyCasesDueThisWeek } from "@/lib/server/dashboard/list-my-cases-due";
import { actorFor } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/** This test's purpose is the demo data itself: what a demo manager and caseworker see on day one. */
describe("the dashboard over the demo data", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: "2026-11-24" });
  });
  afterAll(() => db.close());

  it("loads every figure for the demo manager, and no list row is an SCR case", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "manager@ses.example" } });
    const view = await loadDashboard(db.prisma, actorFor(user), DEFAULT_DASHBOARD_FILTERS, "2026-11-24");
    expect(view.caseload.openTotal).toBeGreaterThan(0);
    const scr = await db.prisma.case.findMany({ where: { restrictionTier: "scr" }, select: { id: true } });
    const listed = [...view.atRisk.rows, ...view.caseload.unassigned.rows].map((row) => row.id);
    expect(scr.length).toBeGreaterThan(0);
    for (const { id } of scr) expect(listed).not.toContain(id);
  });

  it("gives the demo caseworker cases due this week, so the home page e2e has rows to show", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "caseworker@ses.example" } });
    const mine = await listMyCasesDueThisWeek(db.prisma, actorFor(user), "2026-11-24", new Date("2026-11-24T12:00:00Z"));
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((row) => row.tagText)).toBe(true);
  });
});
