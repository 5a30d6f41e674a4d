import { can } from "@/lib/domain/permissions";
import { Prisma } from "@/lib/db/prisma";
import type { DashboardFilters } from "@/lib/domain/dashboard/filters";
import { caseWhereVisibleTo } from "../cases/case-visibility";
import type { UseCaseActor } from "../assert-can";

/**
 * Which cases a dashboard figure counts (docs/decisions/0005-restricted-cases-in-manager-figures.md).
 *
 * - "list": every list, breakdown (by month, site, caseworker, route, reason) and export. THE
 *   visibility rule (caseWhereVisibleTo) plus: never an SCR case, whoever asks (AC-02, AC-07).
 * - "totals": headline numbers only. The actor's organisation's cases INCLUDING SCR cases, so
 *   the totals are true — but only while no caseworker or route filter is set, because a total
 *   for one caseworker or for the clerical route is a drill-down (decision 0005). Queries in this
 *   scope return counts, never a row, id, name, site or date.
 */
export type DashboardScope = "totals" | "list";

export function totalsIncludeRestricted(actor: Pick<UseCaseActor, "roles">, filters: DashboardFilters): boolean {
  return can(actor.roles, "read:dashboard:any") && !filters.caseworker && !filters.route;
}

/** The scope as SQL over `"Case" c`, for the aggregate queries. */
export function caseScopeSql(actor: UseCaseActor, filters: DashboardFilters, scope: DashboardScope): Prisma.Sql {
  if (!can(actor.roles, "read:case:any") || !can(actor.roles, "read:dashboard:any")) return Prisma.sql`FALSE`;
  const parts: Prisma.Sql[] = [Prisma.sql`c."organisationId" = ${actor.organisationId}::uuid`];
  if (scope === "list" || !totalsIncludeRestricted(actor, filters)) parts.push(Prisma.sql`c."restrictionTier" <> 'scr'::"RestrictionTier"`);
  if (filters.site.length > 0) parts.push(Prisma.sql`c."siteId" IN (${Prisma.join(filters.site.map((site) => Prisma.sql`${site}::uuid`))})`);
  if (filters.caseworker) parts.push(Prisma.sql`c."assignedCaseworkerId" = ${filters.caseworker}::uuid`);
  if (filters.route) parts.push(Prisma.sql`c."route" = ${filters.route}::"CaseRoute"`);
  return Prisma.join(parts, " AND ");
}

/** The "list" scope as a Prisma where: THE visibility rule, never SCR, and the filters. */
export function dashboardListWhere(actor: UseCaseActor, filters: DashboardFilters): Prisma.CaseWhereInput {
  const clauses: Prisma.CaseWhereInput[] = [caseWhereVisibleTo(actor), { restrictionTier: { not: "scr" } }];
  if (!can(actor.roles, "read:dashboard:any")) clauses.push({ id: { in: [] } });
  if (filters.site.length > 0) clauses.push({ siteId: { in: filters.site } });
  if (filters.caseworker) clauses.push({ assignedCaseworkerId: filters.caseworker });
  if (filters.route) clauses.push({ route: filters.route });
  return { AND: clauses };
}
