import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { isRole, type Role } from "@/lib/domain/permissions";
import { siteIdsOfRow, userSitesSelect } from "../users/user-sites";
import { cachedReferenceData } from "./reference-cache";

type Reader = Pick<PrismaClient | Prisma.TransactionClient, "site" | "user">;
const SITE_SELECT = { id: true, name: true, nation: true } as const satisfies Prisma.SiteSelect;
export type DirectorySite = Prisma.SiteGetPayload<{ select: typeof SITE_SELECT }>;

export interface StaffAndSites {
  /** The organisation's sites, by name. */
  sites: readonly DirectorySite[];
  siteById: ReadonlyMap<string, DirectorySite>;
  /** The organisation's users, by name: ids, names, roles and the sites they hold (the primary site and the UserSite rows, docs/decisions/0030-users-with-several-sites.md), nothing else. */
  staff: readonly { id: string; name: string; roles: readonly Role[]; active: boolean; siteIds: readonly string[] }[];
}

/** The organisation's sites and staff as the lists use them: the work queue's filters, each listed case's site name and nation. */
export async function loadStaffAndSites(db: Reader, organisationId: string): Promise<StaffAndSites> {
  const [sites, users] = await Promise.all([
    db.site.findMany({ where: { organisationId }, orderBy: { name: "asc" }, select: SITE_SELECT }),
    db.user.findMany({
      where: { organisationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, roles: true, active: true, ...userSitesSelect },
    }),
  ]);
  const staff = users.map((user) => ({ id: user.id, name: user.name, roles: user.roles.filter(isRole), active: user.active, siteIds: siteIdsOfRow(user) }));
  return {
    sites,
    siteById: new Map(sites.map((site) => [site.id, site])),
    staff,
  };
}

/**
 * The organisation's sites and staff for a page's read outside any transaction: held per process
 * like the calendar and the settings (lib/server/reference/reference-cache.ts,
 * docs/decisions/0039-staff-and-sites-per-process.md).
 * The use-cases that add or change a site, a user, their roles or their sites call
 * referenceDataChanged() once committed, so this instance reads the change on its next request;
 * another instance within REFERENCE_DATA_MAX_AGE_MS.
 */
export function loadStaffAndSitesForPages(db: PrismaClient, organisationId: string): Promise<StaffAndSites> {
  return cachedReferenceData(db, `staff-and-sites:${organisationId}`, () => loadStaffAndSites(db, organisationId));
}

/**
 * The held sites, with any of `siteIds` they lack read by id: a site added on another instance
 * less than the max age ago (the held sites are that old at most), so a listed case never lacks its site.
 */
export async function sitesIncluding(db: Reader, held: StaffAndSites, siteIds: Iterable<string>): Promise<ReadonlyMap<string, DirectorySite>> {
  const missing = [...new Set(siteIds)].filter((id) => !held.siteById.has(id));
  if (missing.length === 0) return held.siteById;
  const read = await db.site.findMany({ where: { id: { in: missing } }, select: SITE_SELECT });
  return new Map([...held.siteById, ...read.map((site) => [site.id, site] as const)]);
}

/** A listed case's site from sitesIncluding's map (Case.siteId is a foreign key, so it is always there). */
export function siteOfCase(sites: ReadonlyMap<string, DirectorySite>, row: { id: string; siteId: string }): DirectorySite {
  const site = sites.get(row.siteId);
  if (!site) throw new Error(`Case ${row.id}: site ${row.siteId} was not read`);
  return site;
}
