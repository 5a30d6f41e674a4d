import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isoDateToDb } from "@/lib/db/dates";
import { changeSetting } from "@/lib/server/settings/change-setting";
import { createBankHoliday } from "@/lib/server/calendar/create-bank-holiday";
import { removeBankHoliday } from "@/lib/server/calendar/remove-bank-holiday";
import { loadCalendarForPages } from "@/lib/server/reference/load-calendar";
import { loadDeadlineSettingsForPages } from "@/lib/server/reference/load-deadline-settings";
import { REFERENCE_DATA_MAX_AGE_MS } from "@/lib/server/reference/reference-cache";
import { createProvider, type Provider } from "../support/builders";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The inline recompute (no job queue), as on the embedded database.
vi.mock("@/lib/server/jobs/queue-available", () => ({ canQueueJobs: async () => false }));

/**
 * The calendar and settings pages read are held once per process
 * (docs/decisions/0031-per-request-and-per-process-caches.md): a change made through this
 * process is read on its next request; a change made elsewhere (another instance, written
 * straight to the table here) within the max age.
 */
describe("reference data read by pages, once per process", () => {
  let db: TestDatabase;
  let provider: Provider;
  // A Wednesday in England and Wales with no bank holiday in the reference data.
  const DAY = "2031-06-11";

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await db?.close();
  });

  it("reads a bank holiday added through the use-case on the next request of the same process", async () => {
    expect((await loadCalendarForPages(db.prisma)).isWorkingDay(DAY, "england-and-wales")).toBe(true);
    const added = await createBankHoliday(db.prisma, provider.actors.administrator, { nation: "england_and_wales", date: DAY, title: "Test holiday", notes: null });
    expect((await loadCalendarForPages(db.prisma)).isWorkingDay(DAY, "england-and-wales")).toBe(false);

    const row = await db.prisma.bankHoliday.findUniqueOrThrow({ where: { id: added.bankHolidayId }, select: { version: true } });
    await removeBankHoliday(db.prisma, provider.actors.administrator, { bankHolidayId: added.bankHolidayId, version: row.version });
    expect((await loadCalendarForPages(db.prisma)).isWorkingDay(DAY, "england-and-wales")).toBe(true);
  });

  it("reads a setting changed through the use-case on the next request of the same process", async () => {
    const before = (await loadDeadlineSettingsForPages(db.prisma)).dueSoonWorkingDays;
    await changeSetting(db.prisma, provider.actors.administrator, { key: "deadline.dueSoonWorkingDays", value: before + 2, shown: String(before) });
    expect((await loadDeadlineSettingsForPages(db.prisma)).dueSoonWorkingDays).toBe(before + 2);
  });

  it("reads a change made by another instance once the max age has passed, and not before", async () => {
    const start = Date.now();
    const clock = vi.spyOn(Date, "now").mockReturnValue(start);
    try {
      expect((await loadCalendarForPages(db.prisma)).isWorkingDay(DAY, "england-and-wales")).toBe(true);
      // Another instance's change: straight to the table, so this process is not told.
      await db.prisma.bankHoliday.create({ data: { nation: "england_and_wales", date: isoDateToDb(DAY), title: "Elsewhere" } });
      clock.mockReturnValue(start + REFERENCE_DATA_MAX_AGE_MS - 1);
      expect((await loadCalendarForPages(db.prisma)).isWorkingDay(DAY, "england-and-wales")).toBe(true);
      clock.mockReturnValue(start + REFERENCE_DATA_MAX_AGE_MS);
      expect((await loadCalendarForPages(db.prisma)).isWorkingDay(DAY, "england-and-wales")).toBe(false);
    } finally {
      clock.mockRestore();
    }
  });
});
