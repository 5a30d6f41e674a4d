import type { Prisma } from "@/lib/db/prisma";

/**
 * Who works at a site: a holder of it, or a user with no site at all (the administrator's "all
 * sites": the user form's hint). Caseworkers offered and accepted for a case of the site (0030).
 */
export function worksAtSite(siteId: string): Prisma.UserWhereInput {
  return { OR: [{ siteId }, { sites: { some: { siteId } } }, { siteId: null, sites: { none: {} } }] };
}

/**
 * The user holds at least one of these sites (docs/decisions/0030-users-with-several-sites.md): a
 * UserSite row, or the primary site User.siteId, which is always one of them (the clause reads both,
 * so a user written before the relation existed still counts as holding their one site).
 */
export function holdsAnySite(siteIds: readonly string[]): Prisma.UserWhereInput {
  return { OR: [{ siteId: { in: [...siteIds] } }, { sites: { some: { siteId: { in: [...siteIds] } } } }] };
}

/** What to select to learn a user's sites; read it back with siteIdsOfRow. */
export const userSitesSelect = { siteId: true, sites: { select: { siteId: true } } } as const;

/** A user's site ids, primary first, from a row selected with userSitesSelect. */
export function siteIdsOfRow(row: { siteId: string | null; sites: readonly { siteId: string }[] }): string[] {
  const ids = row.siteId ? [row.siteId] : [];
  for (const held of row.sites) if (!ids.includes(held.siteId)) ids.push(held.siteId);
  return ids;
}

/** The user's sites read from the database (empty: no site, i.e. every site for a manager). */
export async function siteIdsOfUser(db: { user: Pick<Prisma.TransactionClient["user"], "findUnique"> }, userId: string): Promise<string[]> {
  const row = await db.user.findUnique({ where: { id: userId }, select: userSitesSelect });
  return row ? siteIdsOfRow(row) : [];
}

/**
 * The primary site after a change of sites: the old one while it is still held, otherwise the
 * first chosen (the form lists sites by name), or none.
 */
export function primarySiteOf(chosen: readonly string[], previous: string | null): string | null {
  if (previous && chosen.includes(previous)) return previous;
  return chosen[0] ?? null;
}

/** Replace the user's UserSite rows with the chosen sites, in the caller's transaction. */
export async function writeUserSites(tx: Prisma.TransactionClient, userId: string, siteIds: readonly string[]): Promise<void> {
  await tx.userSite.deleteMany({ where: { userId, siteId: { notIn: [...siteIds] } } });
  if (siteIds.length > 0) await tx.userSite.createMany({ data: siteIds.map((siteId) => ({ userId, siteId })), skipDuplicates: true });
}

/**
 * Whether someone holding these sites works at the case's site: a holder of it, or a user with no
 * site (all sites); an SCR case goes to any nominated officer (docs/decisions/0030-users-with-several-sites.md).
 */
export function worksAtSiteOf(heldSiteIds: readonly string[], theCase: { siteId: string; restrictionTier: "none" | "mappa" | "scr" }): boolean {
  return theCase.restrictionTier === "scr" || heldSiteIds.length === 0 || heldSiteIds.includes(theCase.siteId);
}
