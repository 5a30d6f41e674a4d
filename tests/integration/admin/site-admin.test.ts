import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/domain/permissions";
import { createSiteSchema, updateSiteSchema } from "@/lib/domain/forms/admin-forms";
import { createSite } from "@/lib/server/sites/create-site";
import { listSiteOptions } from "@/lib/server/sites/list-site-options";
import { listSites } from "@/lib/server/sites/list-sites";
import { updateSite } from "@/lib/server/sites/update-site";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { NOT_FOUND_MESSAGE } from "@/lib/server/use-case-error";
import { actorFor, createOrganisationWithAdministrator, createSiteRow, createUserRow, type Nation } from "@/tests/integration/support/builders";
import { auditRowsFor, rowCounts } from "@/tests/integration/support/inspect";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * Site administration against a real database (docs/security.md AC-03, AC-05, LG-02, LG-06).
 * Inputs go through the zod schemas the server actions use.
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

let siteCounter = 0;
const freshName = () => `Leeds ${++siteCounter}-${randomUUID().slice(0, 6)}`;

const newSiteInput = (fields: Partial<Record<"name" | "nation" | "address" | "capacity", string>> = {}) =>
  createSiteSchema.parse({ name: freshName(), nation: "england_and_wales", address: "1 Park Row, Leeds", capacity: "40", ...fields });

const siteUpdate = (
  site: { id: string; name: string; nation: Nation; address: string | null; capacity: number | null },
  version: number,
  fields: Partial<Record<"name" | "nation" | "address" | "capacity" | "active", string>> = {},
) =>
  updateSiteSchema.parse({
    siteId: site.id,
    version: String(version),
    name: site.name,
    nation: site.nation,
    address: site.address ?? "",
    capacity: site.capacity === null ? "" : String(site.capacity),
    active: "true",
    ...fields,
  });

const siteRow = (id: string) => db.prisma.site.findUniqueOrThrow({ where: { id } });

describe("createSite (LG-06)", () => {
  it("creates the site in the administrator's own organisation and audits site.created with who and when", async () => {
    const { organisation, administrator, actor } = await createOrganisationWithAdministrator(db.prisma);
    const input = newSiteInput({ nation: "scotland", capacity: "25" });
    const { siteId } = await createSite(db.prisma, actor, input);

    expect(await siteRow(siteId)).toMatchObject({
      organisationId: organisation.id,
      name: input.name,
      nation: "scotland",
      address: "1 Park Row, Leeds",
      capacity: 25,
      active: true,
      version: 1,
    });
    const audit = await auditRowsFor(db.prisma, { entityId: siteId });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "site.created",
      entityType: "Site",
      actorId: administrator.id,
      actorRoles: ["administrator"],
      ip: actor.ip,
      userAgent: actor.userAgent,
      after: { name: input.name, nation: "scotland", address: "1 Park Row, Leeds", capacity: 25 },
    });
  });

  it("refuses a second site with the same name in the organisation with CONFLICT on the name field, creating nothing", async () => {
    const { actor } = await createOrganisationWithAdministrator(db.prisma);
    const input = newSiteInput();
    await createSite(db.prisma, actor, input);
    const before = await rowCounts(db.prisma);
    const error = await expectUseCaseError(createSite(db.prisma, actor, { ...input, capacity: 10 }), "CONFLICT");
    expect(error.fieldErrors).toEqual({ name: "A site with this name already exists" });
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it("allows the same site name in another organisation (names are unique per organisation)", async () => {
    const a = await createOrganisationWithAdministrator(db.prisma);
    const b = await createOrganisationWithAdministrator(db.prisma);
    const input = newSiteInput();
    await createSite(db.prisma, a.actor, input);
    const { siteId } = await createSite(db.prisma, b.actor, input);
    expect((await siteRow(siteId)).organisationId).toBe(b.organisation.id);
  });

  it("writes the site and its audit row in one transaction: when the audit insert fails, no site is created (LG-02)", async () => {
    const { actor } = await createOrganisationWithAdministrator(db.prisma);
    const input = newSiteInput();
    const before = await rowCounts(db.prisma);
    const brokenActor: UseCaseActor = { ...actor, id: "not-a-uuid" };
    await expect(createSite(db.prisma, brokenActor, input)).rejects.toThrow();
    expect(await db.prisma.site.findFirst({ where: { name: input.name } })).toBeNull();
    expect(await rowCounts(db.prisma)).toEqual(before);
  });
});

describe("updateSite (LG-06)", () => {
  it("changes the site, moves the version on and audits before and after", async () => {
    const { organisation, actor } = await createOrganisationWithAdministrator(db.prisma);
    const site = await createSiteRow(db.prisma, organisation.id, { capacity: 40, address: "Old address" });
    await updateSite(db.prisma, actor, siteUpdate(site, 1, { capacity: "55", address: "New address", active: "false" }));
    expect(await siteRow(site.id)).toMatchObject({ capacity: 55, address: "New address", active: false, version: 2 });
    const [audit] = await auditRowsFor(db.prisma, { entityId: site.id, action: "site.updated" });
    expect(audit).toMatchObject({
      actorId: actor.id,
      before: { name: site.name, nation: "england_and_wales", address: "Old address", capacity: 40, active: true },
      after: { name: site.name, nation: "england_and_wales", address: "New address", capacity: 55, active: false },
    });
  });

  it.each<[Nation, Nation]>([
    ["england_and_wales", "scotland"],
    ["scotland", "northern_ireland"],
  ])("audits a change of nation from %s to %s (the site's working-day calendar changes) (LG-06)", async (from, to) => {
    const { organisation, actor } = await createOrganisationWithAdministrator(db.prisma);
    const site = await createSiteRow(db.prisma, organisation.id, { nation: from });
    await updateSite(db.prisma, actor, siteUpdate(site, 1, { nation: to }));
    expect((await siteRow(site.id)).nation).toBe(to);
    const audit = await auditRowsFor(db.prisma, { entityId: site.id, action: "site.updated" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: actor.id, before: { nation: from }, after: { nation: to } });
  });

  it("refuses a stale version with STALE and overwrites nothing: the first change stands", async () => {
    const { organisation, actor } = await createOrganisationWithAdministrator(db.prisma);
    const colleague = actorFor(await createUserRow(db.prisma, { organisationId: organisation.id, roles: ["administrator"] }));
    const site = await createSiteRow(db.prisma, organisation.id, { nation: "england_and_wales", capacity: 40 });
    await updateSite(db.prisma, colleague, siteUpdate(site, 1, { capacity: "41" }));
    const afterFirst = await siteRow(site.id);
    const before = await rowCounts(db.prisma);

    const error = await expectUseCaseError(updateSite(db.prisma, actor, siteUpdate(site, 1, { nation: "scotland", capacity: "99" })), "STALE");
    expect(error.message).toMatch(/Someone else changed this record/);
    expect(await siteRow(site.id)).toEqual(afterFirst);
    expect(afterFirst).toMatchObject({ capacity: 41, nation: "england_and_wales", version: 2 });
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it("refuses a rename to another site's name with CONFLICT, changing nothing", async () => {
    const { organisation, actor } = await createOrganisationWithAdministrator(db.prisma);
    const taken = await createSiteRow(db.prisma, organisation.id);
    const site = await createSiteRow(db.prisma, organisation.id);
    const before = await rowCounts(db.prisma);
    const error = await expectUseCaseError(updateSite(db.prisma, actor, siteUpdate(site, 1, { name: taken.name })), "CONFLICT");
    expect(error.fieldErrors).toEqual({ name: "A site with this name already exists" });
    expect(await siteRow(site.id)).toEqual(site);
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it("writes the change and its audit row in one transaction: when the audit insert fails, the site is unchanged (LG-02)", async () => {
    const { organisation, actor } = await createOrganisationWithAdministrator(db.prisma);
    const site = await createSiteRow(db.prisma, organisation.id, { nation: "england_and_wales" });
    await expect(updateSite(db.prisma, { ...actor, id: "not-a-uuid" }, siteUpdate(site, 1, { nation: "scotland", name: freshName() }))).rejects.toThrow();
    expect(await siteRow(site.id)).toEqual(site);
  });
});

describe("organisation scoping: an administrator of A cannot see or change B's sites (AC-05)", () => {
  it("answers NOT_FOUND for another organisation's site, exactly as for an id that does not exist, and changes nothing (AC-05)", async () => {
    const a = await createOrganisationWithAdministrator(db.prisma);
    const b = await createOrganisationWithAdministrator(db.prisma);
    const before = await rowCounts(db.prisma);
    const crossOrganisation = await expectUseCaseError(updateSite(db.prisma, a.actor, siteUpdate(b.site, 1, { name: "Taken over", nation: "scotland" })), "NOT_FOUND");
    const nonExistent = await expectUseCaseError(updateSite(db.prisma, a.actor, siteUpdate({ ...b.site, id: randomUUID() }, 1)), "NOT_FOUND");
    expect(crossOrganisation.message).toBe(NOT_FOUND_MESSAGE);
    expect(crossOrganisation.message).toBe(nonExistent.message);
    expect(crossOrganisation.fieldErrors).toEqual(nonExistent.fieldErrors);
    expect(await siteRow(b.site.id)).toEqual(b.site);
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it("lists only the administrator's own organisation's sites (AC-05)", async () => {
    const a = await createOrganisationWithAdministrator(db.prisma);
    const b = await createOrganisationWithAdministrator(db.prisma);
    const second = await createSiteRow(db.prisma, a.organisation.id);
    const listed = await listSites(db.prisma, a.actor);
    expect(listed.map((site) => site.id).sort()).toEqual([a.site.id, second.id].sort());
    expect(listed.map((site) => site.id)).not.toContain(b.site.id);
    expect(listed.every((site) => site.openCases === 0)).toBe(true);
  });

  it("offers only the organisation's active sites in pickers", async () => {
    const a = await createOrganisationWithAdministrator(db.prisma);
    const b = await createOrganisationWithAdministrator(db.prisma);
    const closed = await createSiteRow(db.prisma, a.organisation.id);
    await updateSite(db.prisma, a.actor, siteUpdate(closed, 1, { active: "false" }));
    const options = await listSiteOptions(db.prisma, a.organisation.id);
    expect(options).toEqual([{ id: a.site.id, name: a.site.name }]);
    expect(options.map((option) => option.id)).not.toContain(b.site.id);
  });
});

describe("only an administrator may manage sites (AC-03)", () => {
  const nonAdministratorRoles: Role[][] = [["caseworker"], ["manager"], ["nominated_officer"], ["caseworker", "nominated_officer", "manager"]];

  type UseCase = (actor: UseCaseActor, site: Awaited<ReturnType<typeof createSiteRow>>) => Promise<unknown>;
  const useCases: [string, UseCase][] = [
    ["createSite", (actor) => createSite(db.prisma, actor, newSiteInput())],
    ["updateSite", (actor, site) => updateSite(db.prisma, actor, siteUpdate(site, 1, { nation: "northern_ireland", capacity: "1" }))],
    ["listSites", (actor) => listSites(db.prisma, actor)],
  ];

  const matrix = nonAdministratorRoles.flatMap((roles) => useCases.map(([name, useCase]) => ({ roles: roles.join("+"), roleList: roles, name, useCase })));

  it.each(matrix)("$roles calling $name gets FORBIDDEN and the database is unchanged (AC-03, CS-04)", async ({ roleList, useCase }) => {
    const { organisation, site } = await createOrganisationWithAdministrator(db.prisma);
    const caller = await createUserRow(db.prisma, { organisationId: organisation.id, roles: roleList });
    const before = await rowCounts(db.prisma);
    const error = await expectUseCaseError(useCase(actorFor(caller), site), "FORBIDDEN");
    expect(error.message).toBe("You do not have permission to do that.");
    expect(await rowCounts(db.prisma)).toEqual(before);
    expect(await siteRow(site.id)).toEqual(site);
  });
});
