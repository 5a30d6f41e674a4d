import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { getLifecycleCase } from "@/lib/server/cases/lifecycle/lifecycle-page";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/** docs/security.md LG-01: every read of an SCR case writes an audit row — a lifecycle step page too. */
describe("a lifecycle step page is a restricted read of an SCR case (LG-01, 13.78, 3.44)", () => {
  let db: TestDatabase;
  let provider: Provider;
  let officer: UseCaseActor;
  const reads = (caseId: string) => db.prisma.auditEvent.count({ where: { caseId, action: "case.restricted_read_action_page", restrictedRead: true } });

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    officer = { ...provider.actors.officer, roles: ["nominated_officer"] };
  });
  afterAll(() => db.close());

  it("writes one row per view of an SCR case's step page, and none for the case page's own section", async () => {
    const scr = (await createCase(db.prisma, provider, { route: "scr_clerical" })).id;
    await getLifecycleCase(db.prisma, officer, scr, "case.restricted_read_action_page");
    await getLifecycleCase(db.prisma, officer, scr, "case.restricted_read_action_page");
    await getLifecycleCase(db.prisma, officer, scr);
    expect(await reads(scr)).toBe(2);
  });

  it("writes nothing for a case that is not restricted", async () => {
    const open = (await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" })).id;
    await getLifecycleCase(db.prisma, officer, open, "case.restricted_read_action_page");
    expect(await reads(open)).toBe(0);
  });
});
