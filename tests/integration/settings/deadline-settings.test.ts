import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadDeadlineSettings } from "@/lib/server/reference/load-deadline-settings";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/** Each test gets its own empty database: none reads another's settings. */
describe("deadline settings (docs/rules/reasons-and-settings.md: due-soon window, day 0)", () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.close());

  it("defaults to a 3-working-day due-soon window and day 0 not counted when nothing is stored", async () => {
    expect(await loadDeadlineSettings(db.prisma)).toEqual({ dueSoonWorkingDays: 3, countDayZero: false, exitNoticeWorkingDays: 2 });
  });

  it("uses the stored values, so the window is configurable", async () => {
    await db.prisma.setting.create({ data: { key: "deadline.dueSoonWorkingDays", value: 5 } });
    await db.prisma.setting.create({ data: { key: "deadline.countDayZero", value: true } });
    expect(await loadDeadlineSettings(db.prisma)).toEqual({ dueSoonWorkingDays: 5, countDayZero: true, exitNoticeWorkingDays: 2 });
  });

  it("falls back to the default for a malformed value instead of breaking every clock", async () => {
    await db.prisma.setting.create({ data: { key: "deadline.dueSoonWorkingDays", value: "three" } });
    expect((await loadDeadlineSettings(db.prisma)).dueSoonWorkingDays).toBe(3);
  });
});
