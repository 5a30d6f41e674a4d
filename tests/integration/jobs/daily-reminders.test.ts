import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { DigestSection } from "@/lib/domain/reminders/digest";
import { sendDailyReminders } from "@/lib/server/reminders/send-daily-reminders";
import { createProvider, createUserRow, type Provider } from "../support/builders";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { caseDueOn, jobContext, NOW, TODAY } from "./support/job-fixtures";

/**
 * The daily reminder digest (docs/decisions/0022-background-jobs.md; docs/security.md SO-08),
 * run as the worker runs it but called directly: who gets what, when, and only once.
 */
let db: TestDatabase;
let provider: Provider;

beforeEach(async () => {
  db = await createTestDatabase();
  provider = await createProvider(db.prisma);
});
afterEach(async () => {
  await db.close();
});

const digestOf = async (userId: string) => {
  const rows = await db.prisma.reminderDigest.findMany({ where: { userId } });
  return rows.map((row) => ({ day: isoDateFromDb(row.day), summary: row.summary, sections: row.sections as unknown as DigestSection[] }));
};
const refs = (sections: DigestSection[], key: DigestSection["key"]) => sections.find((s) => s.key === key)?.cases.map((c) => c.reference) ?? [];

describe("the caseworker's digest (SO-08)", () => {
  it("lists their overdue, due-today and due-soon cases by reference, and nobody else's", async () => {
    const mine = provider.users.caseworker;
    const overdue = await caseDueOn(db.prisma, provider, "2026-12-01", { assignedTo: mine });
    const dueToday = await caseDueOn(db.prisma, provider, TODAY, { assignedTo: mine });
    // Due soon: within the default 3 working days (deadline.dueSoonWorkingDays): up to Tuesday 8 December.
    const dueSoon = await caseDueOn(db.prisma, provider, "2026-12-08", { assignedTo: mine });
    const later = await caseDueOn(db.prisma, provider, "2026-12-09", { assignedTo: mine });
    const someoneElses = await caseDueOn(db.prisma, provider, TODAY, { assignedTo: provider.users.officer });

    const result = await sendDailyReminders({}, jobContext(db.prisma));

    expect(result.day).toBe(TODAY);
    const [digest, ...others] = await digestOf(mine.id);
    expect(others).toEqual([]);
    expect(digest.day).toBe(TODAY);
    expect(refs(digest.sections, "overdue")).toEqual([overdue.reference]);
    expect(refs(digest.sections, "dueToday")).toEqual([dueToday.reference]);
    expect(refs(digest.sections, "dueSoon")).toEqual([dueSoon.reference]);
    const all = JSON.stringify(digest);
    expect(all).not.toContain(later.reference);
    expect(all).not.toContain(someoneElses.reference);
    // No personal data in the digest: references and dates only.
    expect(all).not.toContain(dueToday.claimant.nino ?? "no nino");
    expect(all).not.toContain(dueToday.claimant.surname);
    expect(all).not.toContain(dueToday.claimant.postcode ?? "no postcode");
  });

  it("names an SCR case to its nominated officer only (13.77, docs/rules/restricted-cases.md)", async () => {
    const scrForCaseworker = await caseDueOn(db.prisma, provider, TODAY, { route: "scr_clerical", assignedTo: provider.users.caseworker });
    const scrForOfficer = await caseDueOn(db.prisma, provider, TODAY, { route: "scr_clerical", assignedTo: provider.users.officer });
    const unassignedScr = await caseDueOn(db.prisma, provider, TODAY, { route: "scr_clerical" });

    await sendDailyReminders({}, jobContext(db.prisma));

    const everything = JSON.stringify(await db.prisma.reminderDigest.findMany({ where: { userId: { not: provider.users.officer.id } } }));
    expect(everything).not.toContain(scrForCaseworker.reference);
    expect(everything).not.toContain(unassignedScr.reference);
    const [officerDigest] = await digestOf(provider.users.officer.id);
    expect(refs(officerDigest.sections, "dueToday")).toEqual([scrForOfficer.reference]);
  });

  it("gives a manager the unassigned cases waiting and the projected start breaches (13.13)", async () => {
    const waiting = await caseDueOn(db.prisma, provider, "2026-12-10");
    const breaching = await caseDueOn(db.prisma, provider, "2026-12-10", { assignedTo: provider.users.caseworker });
    await db.prisma.case.update({ where: { id: breaching.id }, data: { startDueOn: isoDateToDb("2026-12-02"), startedOn: null } });

    await sendDailyReminders({}, jobContext(db.prisma));

    const [digest] = await digestOf(provider.users.manager.id);
    expect(refs(digest.sections, "unassigned")).toContain(waiting.reference);
    expect(refs(digest.sections, "startBreaches")).toContain(breaching.reference);
  });
});

describe("when reminders go out", () => {
  it("sends nothing before 08:00 UK time", async () => {
    await caseDueOn(db.prisma, provider, TODAY, { assignedTo: provider.users.caseworker });
    const result = await sendDailyReminders({}, jobContext(db.prisma, { now: () => new Date("2026-12-03T07:59:00.000Z") }));
    expect(result.written).toBe(0);
    expect(await db.prisma.reminderDigest.count()).toBe(0);
  });

  it("counts 08:00 on the UK clock in summer time (07:00 UTC in BST)", async () => {
    await caseDueOn(db.prisma, provider, "2026-06-10", { assignedTo: provider.users.caseworker });
    const result = await sendDailyReminders({}, jobContext(db.prisma, { now: () => new Date("2026-06-10T07:05:00.000Z") }));
    expect(result.day).toBe("2026-06-10");
    expect(await digestOf(provider.users.caseworker.id)).toHaveLength(1);
  });

  it("follows the site's nation calendar: none in Scotland on St Andrew's Day, as usual in England", async () => {
    const monday = "2026-11-30"; // St Andrew's Day: a bank holiday in Scotland only
    const scottish = provider.users.caseworkerScotland;
    await caseDueOn(db.prisma, provider, monday, { assignedTo: scottish, site: provider.sites.scotland });
    await caseDueOn(db.prisma, provider, monday, { assignedTo: provider.users.caseworker });

    const result = await sendDailyReminders({}, jobContext(db.prisma, { now: () => new Date("2026-11-30T09:00:00.000Z") }));

    expect(result.skippedNotWorkingDay).toBeGreaterThanOrEqual(1);
    expect(await digestOf(scottish.id)).toEqual([]);
    expect(await digestOf(provider.users.caseworker.id)).toHaveLength(1);
  });

  it("sends a digest to someone holding a Scottish and an English site on St Andrew's Day: a working day at one of their sites (docs/decisions/0030-users-with-several-sites.md)", async () => {
    const monday = "2026-11-30"; // St Andrew's Day: a bank holiday in Scotland only
    const scottish = provider.users.caseworkerScotland;
    await db.prisma.userSite.createMany({ data: [provider.sites.scotland.id, provider.sites.england.id].map((siteId) => ({ userId: scottish.id, siteId })) });
    await caseDueOn(db.prisma, provider, monday, { assignedTo: scottish, site: provider.sites.scotland });

    await sendDailyReminders({}, jobContext(db.prisma, { now: () => new Date("2026-11-30T09:00:00.000Z") }));

    expect(await digestOf(scottish.id)).toHaveLength(1);
  });

  it("sends nothing on a bank holiday in every nation (Christmas Day)", async () => {
    await caseDueOn(db.prisma, provider, "2026-12-24", { assignedTo: provider.users.caseworker });
    await sendDailyReminders({}, jobContext(db.prisma, { now: () => new Date("2026-12-25T09:00:00.000Z") }));
    expect(await db.prisma.reminderDigest.count()).toBe(0);
  });

  it("writes one digest per person per day however often it runs (SO-05)", async () => {
    await caseDueOn(db.prisma, provider, TODAY, { assignedTo: provider.users.caseworker });
    const first = await sendDailyReminders({}, jobContext(db.prisma));
    const second = await sendDailyReminders({}, jobContext(db.prisma, { now: () => new Date(NOW.getTime() + 3_600_000) }));
    expect(first.written).toBeGreaterThan(0);
    expect(second.written).toBe(0);
    expect(await digestOf(provider.users.caseworker.id)).toHaveLength(1);
  });

  it("after a worker was stopped for a day, sends one digest for today and none for the missed day", async () => {
    await caseDueOn(db.prisma, provider, "2026-12-02", { assignedTo: provider.users.caseworker });
    // Wednesday's run never happened; the worker comes back on Thursday.
    await sendDailyReminders({}, jobContext(db.prisma));
    const digests = await digestOf(provider.users.caseworker.id);
    expect(digests.map((d) => d.day)).toEqual([TODAY]);
    expect(refs(digests[0].sections, "overdue")).toHaveLength(1);
  });

  it("skips people with nothing due and inactive users", async () => {
    const inactive = await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["caseworker"], active: false });
    await caseDueOn(db.prisma, provider, TODAY, { assignedTo: inactive });
    await sendDailyReminders({}, jobContext(db.prisma));
    expect(await digestOf(inactive.id)).toEqual([]);
    expect(await digestOf(provider.users.caseworkerScotland.id)).toEqual([]);
  });
});
