import { can } from "@/lib/domain/permissions";
import { Prisma } from "@/lib/db/prisma";
import type { UseCaseActor } from "../assert-can";

/**
 * THE visibility rule for cases (docs/security.md AC-01/AC-02), applied as a Prisma `where` inside
 * every case query so no page or action can forget it:
 *  - only cases of the actor's organisation;
 *  - an SCR case exists only for nominated officers (13.77, 3.43; docs/rules/restricted-cases.md);
 *  - a MAPPA case's day-to-day record stays visible to caseworkers (13.71, 3.37) — its annex
 *    is a separate, nominated-officer-only record;
 *  - a user with no case permission sees none.
 */
export function caseWhereVisibleTo(actor: Pick<UseCaseActor, "organisationId" | "roles">): Prisma.CaseWhereInput {
  if (!can(actor.roles, "read:case:any")) return { id: { in: [] } };
  const scope: Prisma.CaseWhereInput = { organisationId: actor.organisationId };
  if (can(actor.roles, "read:restricted-case:any")) return scope;
  return { ...scope, restrictionTier: { not: "scr" } };
}

/**
 * The same rule as SQL over `"Case" c`, for the work queue's hand-written query
 * (docs/decisions/0041-work-queue-in-sql.md). tests/integration/cases/case-visibility-sql.test.ts
 * holds it to caseWhereVisibleTo for every role.
 */
export function caseVisibleToSql(actor: Pick<UseCaseActor, "organisationId" | "roles">): Prisma.Sql {
  if (!can(actor.roles, "read:case:any")) return Prisma.sql`FALSE`;
  const scope = Prisma.sql`c."organisationId" = ${actor.organisationId}::uuid`;
  if (can(actor.roles, "read:restricted-case:any")) return scope;
  return Prisma.sql`${scope} AND c."restrictionTier" <> 'scr'::"RestrictionTier"`;
}
