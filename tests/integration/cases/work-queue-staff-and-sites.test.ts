import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUserSchema, updateSiteSchema, updateUserSchema, userStatusSchema } from "@/lib/domain/forms/admin-forms";
import { listQueueFilterOptions } from "@/lib/server/cases/list-queue-filter-options";
import { listWorkQueue } from "@/lib/server/cases/list-work-queue";
import { REFERENCE_DATA_MAX_AGE_MS, referenceDataChanged } from "@/lib/server/reference/reference-cache";
import { updateSite } from "@/lib/server/sites/update-site";
import { createUser } from "@/lib/server/users/create-user";
import { setUserStatus } from "@/lib/server/users/set-user-status";
import { updateUser } from "@/lib/server/users/update-user";
import { createCase, createSiteRow, createUserRow, createProvider, type Provider } from "../support/builders";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const TODAY = "2026-12-03";
const NOW = new Date("2026-12-03T10:00:00Z");

/**
 * The work queue reads its organisation's sites and staff once per process, like the calendar
 * (docs/decisions/0039-staff-and-sites-per-process.md): a change made through this process shows on
 * its next request, one made elsewhere within the max age, and a case at a site this process has
 * not read yet still lists with its site.
 */
describe("the work queue's sites and staff, held once per process", () => {
  let db: TestDatabase;
  let provider: Provider;
  const caseworkerIds = async () => (await listQueueFilterOptions(db.prisma, provider.actors.caseworker)).caseworkers.map((user) => user.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  }, 120_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await db?.close();
  });

  it("offers a caseworker an administrator adds, gives a site, or deactivates on this instance's next request", async () => {
    const before = await caseworkerIds();
    const { userId } = await createUser(
      db.prisma,
      provider.actors.administrator,
      createUserSchema.parse({ name: "Nadia New", email: `nadia.${Date.now()}@example.org`, roles: ["caseworker"], siteIds: [provider.sites.england.id] }),
    );
    expect(before).not.toContain(userId);
    expect(await caseworkerIds()).toContain(userId);
    const atGlasgow = async () => (await listQueueFilterOptions(db.prisma, provider.actors.caseworker, provider.sites.scotland.id)).caseworkers.map((user) => user.id);
    expect(await atGlasgow()).not.toContain(userId);

    const added = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    await updateUser(
      db.prisma,
      provider.actors.administrator,
      updateUserSchema.parse({ userId, version: String(added.version), name: added.name, roles: ["caseworker"], siteIds: [provider.sites.england.id, provider.sites.scotland.id] }),
    );
    expect(await atGlasgow()).toContain(userId);

    const changed = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    await setUserStatus(db.prisma, provider.actors.administrator, userStatusSchema.parse({ userId, version: String(changed.version), active: "false" }));
    expect(await caseworkerIds()).not.toContain(userId);
  });

  it("shows a site's new name in the queue's rows on this instance's next request", async () => {
    const built = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred", site: provider.sites.england, assignedTo: provider.users.caseworker });
    const rowOf = async () => (await listWorkQueue(db.prisma, provider.actors.caseworker, { view: "mine", page: 1, today: TODAY, now: NOW })).rows.find((row) => row.id === built.id);
    expect((await rowOf())?.siteName).toBe(provider.sites.england.name);

    const site = await db.prisma.site.findUniqueOrThrow({ where: { id: provider.sites.england.id } });
    await updateSite(
      db.prisma,
      provider.actors.administrator,
      updateSiteSchema.parse({ siteId: site.id, version: String(site.version), name: "Leeds Riverside", nation: site.nation, address: "", capacity: "", active: "true" }),
    );
    expect((await rowOf())?.siteName).toBe("Leeds Riverside");
  });

  it("lists a case at a site added elsewhere with its site's name, before the held sites are read again", async () => {
    await listWorkQueue(db.prisma, provider.actors.manager, { view: "open", page: 1, today: TODAY, now: NOW });
    // Another instance's change: straight to the tables, so this process is not told.
    const elsewhere = await createSiteRow(db.prisma, provider.organisation.id, { name: "Opened Elsewhere" });
    const built = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred", site: elsewhere });
    const rows = (await listWorkQueue(db.prisma, provider.actors.manager, { view: "open", page: 1, pageSize: 50, today: TODAY, now: NOW })).rows;
    expect(rows.find((row) => row.id === built.id)?.siteName).toBe("Opened Elsewhere");
  });

  it("offers a caseworker added elsewhere once the max age has passed, and not before", async () => {
    const start = Date.now();
    const clock = vi.spyOn(Date, "now").mockReturnValue(start);
    try {
      referenceDataChanged(); // so the next read is loaded now, not held from an earlier test
      await caseworkerIds();
      const elsewhere = await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["caseworker"], siteId: provider.sites.england.id, name: "Added Elsewhere" });
      clock.mockReturnValue(start + REFERENCE_DATA_MAX_AGE_MS - 1);
      expect(await caseworkerIds()).not.toContain(elsewhere.id);
      clock.mockReturnValue(start + REFERENCE_DATA_MAX_AGE_MS);
      expect(await caseworkerIds()).toContain(elsewhere.id);
    } finally {
      clock.mockRestore();
    }
  });
});
