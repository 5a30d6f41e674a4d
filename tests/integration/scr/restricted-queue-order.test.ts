import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRestrictedQueue } from "@/lib/server/scr/get-restricted-queue";
import { createCase, createProvider, type BuiltCase, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * The nominated officer's SCR list uses the same start order as the work queue
 * (lib/domain/work-queue/start-order.ts; 13.13, 3.07): running start clocks first, most overdue
 * first; a started case's kept due date no longer puts it at the top.
 */
describe("the nominated officer's SCR list: start clocks still running first, most overdue first", () => {
  let db: TestDatabase;
  let provider: Provider;
  let started: BuiltCase;
  let overdue: BuiltCase;
  let recent: BuiltCase;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") };

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    started = await createCase(db.prisma, provider, { route: "scr_clerical", state: "started", referralDate: "2026-08-03" });
    recent = await createCase(db.prisma, provider, { route: "scr_clerical", referralDate: "2026-11-20" });
    overdue = await createCase(db.prisma, provider, { route: "scr_clerical", referralDate: "2026-09-15" });
  }, 120_000);
  afterAll(() => db.close());

  it("lists the overdue case, then the recent one, then the started case (13.13)", async () => {
    const queue = await getRestrictedQueue(db.prisma, provider.actors.officer, clock);
    expect(queue.openScrCases.map((row) => row.id)).toEqual([overdue.id, recent.id, started.id]);
    expect(queue.openScrCases[0].startClock?.state).toBe("overdue");
  });
});
