import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateUserSchema } from "@/lib/domain/forms/admin-forms";
import { assignCase } from "@/lib/server/cases/assign-case";
import { bulkReassignCases } from "@/lib/server/cases/bulk-reassign-cases";
import { getBulkReassignPage } from "@/lib/server/cases/get-bulk-reassign-page";
import { listAssignableCaseworkers } from "@/lib/server/cases/list-assignable-caseworkers";
import { listQueueFilterOptions } from "@/lib/server/cases/list-queue-filter-options";
import { updateUser } from "@/lib/server/users/update-user";
import { listUsers } from "@/lib/server/users/list-users";
import { createCase, createProvider, createUserRow, type Provider } from "@/tests/integration/support/builders";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * A user may hold several sites, and a case goes to the caseworkers of its site
 * (docs/decisions/0030-users-with-several-sites.md).
 */
describe("caseworkers of the case's site", () => {
  let db: TestDatabase;
  let provider: Provider;
  /** A caseworker holding both sites, one with no site (all sites). */
  let both: { id: string; name: string };
  let anywhere: { id: string; name: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    const row = await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["caseworker"], siteId: provider.sites.england.id, name: "Both Sites" });
    await updateUser(
      db.prisma,
      provider.actors.administrator,
      updateUserSchema.parse({ userId: row.id, version: String(row.version), name: row.name, roles: ["caseworker"], siteIds: [provider.sites.england.id, provider.sites.scotland.id] }),
    );
    both = row;
    anywhere = await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["caseworker"], siteId: null, name: "All Sites" });
  }, 120_000);
  afterAll(() => db?.close());

  it("keeps the primary site and records every site an administrator ticks", async () => {
    const listed = (await listUsers(db.prisma, provider.actors.administrator)).find((user) => user.id === both.id);
    expect(listed?.siteId).toBe(provider.sites.england.id);
    expect(new Set(listed?.siteIds)).toEqual(new Set([provider.sites.england.id, provider.sites.scotland.id]));
    expect(await db.prisma.userSite.count({ where: { userId: both.id } })).toBe(2);
  });

  it("offers on a Glasgow case's caseworker dropdown only the caseworkers who work at Glasgow", async () => {
    const glasgowCase = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred", site: provider.sites.scotland });
    const offered = (await listAssignableCaseworkers(db.prisma, provider.actors.officer, glasgowCase)).map((user) => user.id);
    expect(offered).toContain(provider.users.caseworkerScotland.id);
    expect(offered).toContain(both.id);
    expect(offered).toContain(anywhere.id);
    expect(offered).not.toContain(provider.users.caseworker.id);
    expect(offered).not.toContain(provider.users.officer.id);
  });

  it("keeps the current caseworker in the dropdown even when they no longer work at the case's site", async () => {
    const glasgowCase = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred", site: provider.sites.scotland, assignedTo: provider.users.caseworker });
    const offered = (await listAssignableCaseworkers(db.prisma, provider.actors.officer, glasgowCase)).map((user) => user.id);
    expect(offered).toContain(provider.users.caseworker.id);
  });

  it("refuses to assign a case to a caseworker who does not work at its site, and changes nothing", async () => {
    const glasgowCase = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred", site: provider.sites.scotland });
    const error = await expectUseCaseError(
      assignCase(db.prisma, provider.actors.officer, { caseId: glasgowCase.id, version: glasgowCase.version, caseworkerId: provider.users.caseworker.id }),
      "INVALID",
    );
    expect(error.fieldErrors).toEqual({ caseworkerId: "Select a caseworker who works at the case’s site" });
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: glasgowCase.id } });
    expect(after.assignedCaseworkerId).toBeNull();
    expect(after.version).toBe(glasgowCase.version);
    // A caseworker holding Glasgow among several sites is accepted.
    await assignCase(db.prisma, provider.actors.officer, { caseId: glasgowCase.id, version: glasgowCase.version, caseworkerId: both.id });
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: glasgowCase.id } })).assignedCaseworkerId).toBe(both.id);
  });

  it("reports back, and leaves alone, the cases of a bulk reassignment at a site the caseworker does not work at", async () => {
    const leeds = await createCase(db.prisma, provider, { route: "prap_single", state: "referred" });
    const glasgow = await createCase(db.prisma, provider, { route: "prap_single", state: "referred", site: provider.sites.scotland });
    const selected = [leeds, glasgow].map((row) => ({ caseId: row.id, version: row.version }));

    const page = await getBulkReassignPage(db.prisma, provider.actors.manager, selected);
    const offered = new Map(page.caseworkers.map((person) => [person.id, person.notAtSite]));
    expect(offered.get(both.id)).toEqual([]);
    expect(offered.get(provider.users.caseworker.id)).toEqual([glasgow.reference]);
    expect(offered.get(provider.users.caseworkerScotland.id)).toEqual([leeds.reference]);
    // Those at every selected case's site come first.
    expect(page.caseworkers.findIndex((person) => person.id === both.id)).toBeLessThan(page.caseworkers.findIndex((person) => person.id === provider.users.caseworker.id));

    const result = await bulkReassignCases(db.prisma, provider.actors.manager, { case: selected, caseworkerId: provider.users.caseworker.id });
    expect(result.assigned).toEqual([leeds.reference]);
    expect(result.notAtSite).toEqual([glasgow.reference]);
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: glasgow.id } })).assignedCaseworkerId).toBeNull();
  });

  it("lists the user's own sites first in the queue's site filter, and a site's caseworkers include those holding it among several", async () => {
    const options = await listQueueFilterOptions(db.prisma, provider.actors.caseworkerScotland, provider.sites.scotland.id);
    expect(options.sites[0]).toMatchObject({ id: provider.sites.scotland.id, mine: true });
    expect(options.sites.filter((site) => site.mine)).toHaveLength(1);
    const ids = options.caseworkers.map((user) => user.id);
    expect(ids).toContain(both.id);
    expect(ids).toContain(provider.users.caseworkerScotland.id);
    expect(ids).not.toContain(provider.users.caseworker.id);
  });

  it("marks as the user's own every site they hold, whether as their primary site or among several (docs/decisions/0030-users-with-several-sites.md)", async () => {
    const holder = { id: both.id, roles: ["caseworker"] as const, organisationId: provider.organisation.id };
    const options = await listQueueFilterOptions(db.prisma, holder);
    expect(options.sites.filter((site) => site.mine).map((site) => site.id).sort()).toEqual([provider.sites.england.id, provider.sites.scotland.id].sort());
    const nowhere = { id: anywhere.id, roles: ["caseworker"] as const, organisationId: provider.organisation.id };
    expect((await listQueueFilterOptions(db.prisma, nowhere)).sites.filter((site) => site.mine)).toEqual([]);
  });
});
