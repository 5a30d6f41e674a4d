import type { PrismaClient } from "@/lib/db/prisma";
import { recordRestrictedReads } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { caseWhereVisibleTo } from "./case-visibility";
import { LISTED_RESTRICTED_READ_ACTION } from "./list-work-queue";
import { siteIdsOfRow, userSitesSelect, worksAtSiteOf } from "../users/user-sites";

export interface BulkReassignCase {
  id: string;
  reference: string;
  claimantName: string;
  caseworkerName: string | null;
  siteName: string;
  restrictionTier: "none" | "mappa" | "scr";
  /** The version it was listed at (from the queue's checkbox), carried to the confirmation. */
  listedVersion: number;
}

export interface BulkReassignPage {
  cases: BulkReassignCase[];
  /** Selected ids this user cannot see (or that never existed): left out, never named. */
  missing: number;
  /**
   * Who the cases can go to: nominated officers only when an SCR case is among them (13.77, 3.43), and
   * only people who work at one of the cases' sites (docs/decisions/0030-users-with-several-sites.md);
   * those at every case's site first. notAtSite: the references of the cases at a site they do not
   * work at — left as they are if the cases go to them.
   */
  caseworkers: { id: string; name: string; siteName: string | null; notAtSite: string[] }[];
}

/** The check pages of bulk reassignment: the chosen cases as this user may see them, and who can take them. */
export async function getBulkReassignPage(
  prisma: PrismaClient,
  actor: UseCaseActor,
  selected: readonly { caseId: string; version: number }[],
): Promise<BulkReassignPage> {
  assertCan(actor, "assign:case:any");
  const rows =
    selected.length === 0
      ? []
      : await prisma.case.findMany({
          where: { AND: [{ id: { in: selected.map((entry) => entry.caseId) } }, caseWhereVisibleTo(actor)] },
          orderBy: { reference: "asc" },
          select: {
            id: true,
            reference: true,
            restrictionTier: true,
            siteId: true,
            site: { select: { name: true } },
            claimant: { select: { forename: true, surname: true } },
            assignedCaseworker: { select: { name: true } },
          },
        });
  // Showing an SCR case's name to its nominated officer is a restricted read (docs/security.md LG-01).
  await recordRestrictedReads(prisma, actor, rows, LISTED_RESTRICTED_READ_ACTION);
  const anyScr = rows.some((row) => row.restrictionTier === "scr");
  const staff = await prisma.user.findMany({
    where: { organisationId: actor.organisationId, active: true, roles: { hasSome: anyScr ? ["nominated_officer"] : ["caseworker", "nominated_officer"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, ...userSitesSelect, site: { select: { name: true } }, sites: { select: { siteId: true, site: { select: { name: true } } }, orderBy: { site: { name: "asc" } } } },
  });
  const offered = staff
    .map((user) => {
      const held = siteIdsOfRow(user);
      const names = new Map(user.sites.map((entry) => [entry.siteId, entry.site.name]));
      if (user.siteId && user.site) names.set(user.siteId, user.site.name);
      return {
        id: user.id,
        name: user.name,
        siteName: held.length > 0 ? held.map((id) => names.get(id) ?? "").join(", ") : null,
        notAtSite: rows.filter((row) => !worksAtSiteOf(held, row)).map((row) => row.reference),
      };
    })
    .filter((user) => rows.length === 0 || user.notAtSite.length < rows.length);
  const version = new Map(selected.map((entry) => [entry.caseId, entry.version]));
  return {
    cases: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      claimantName: `${row.claimant.forename} ${row.claimant.surname}`,
      caseworkerName: row.assignedCaseworker?.name ?? null,
      siteName: row.site.name,
      restrictionTier: row.restrictionTier,
      listedVersion: version.get(row.id) ?? 1,
    })),
    missing: selected.length - rows.length,
    // Those at every case's site first, then those at some of them.
    caseworkers: [...offered.filter((user) => user.notAtSite.length === 0), ...offered.filter((user) => user.notAtSite.length > 0)],
  };
}
