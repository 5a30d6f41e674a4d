import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCaseId, userId } from "../../../lib/seed/demo-data";
import { seedDemo } from "../../../lib/seed/seed-demo";
import { getLifecycleCase } from "../../../lib/server/cases/lifecycle/lifecycle-page";
import type { UseCaseActor } from "../../../lib/server/assert-can";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** docs/security.md LG-01: every read of an SCR case writes an audit row — a lifecycle step page too. */
describe("a lifecycle step page is a restricted read of an SCR case (LG-01, 13.78, 3.44)", () => {
  let db: TestDatabase;
  let officer: UseCaseActor;
  const reads = (caseId: string) => db.prisma.auditEvent.count({ where: { caseId, action: "case.restricted_read_action_page", restrictedRead: true } });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: "2026-11-24" });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId("officer") } });
    officer = { id: user.id, roles: ["nominated_officer"], organisationId: user.organisationId };
  });
  afterAll(() => db.close());

  it("writes one row per view of an SCR case's step page, and none for the case page's own section", async () => {
    const scr = demoCaseId("scr-referred");
    await getLifecycleCase(db.prisma, officer, scr, "case.restricted_read_action_page");
    await getLifecycleCase(db.prisma, officer, scr, "case.restricted_read_action_page");
    await getLifecycleCase(db.prisma, officer, scr);
    expect(await reads(scr)).toBe(2);
  });

  it("writes nothing for a case that is not restricted", async () => {
    const open = demoCaseId("uc-referred");
    await getLifecycleCase(db.prisma, officer, open, "case.restricted_read_action_page");
    expect(await reads(open)).toBe(0);
  });
});
