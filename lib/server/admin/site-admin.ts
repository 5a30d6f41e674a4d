import type { PrismaClient } from "@/lib/db/prisma";
import type { CreateSiteInput, UpdateSiteInput } from "@/lib/domain/forms/admin-forms";
import { recordAudit } from "../audit/record-audit";
import { recomputeAllDueDates } from "../cases/recompute-all-due-dates";
import { loadCalendar } from "../reference/load-calendar";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "../use-case-error";

const duplicateName = () =>
  new UseCaseError("CONFLICT", "A site with this name already exists", { name: "A site with this name already exists" });

export async function createSite(prisma: PrismaClient, actor: UseCaseActor, input: CreateSiteInput): Promise<{ siteId: string }> {
  assertCan(actor, "manage:site:any");
  try {
    return await prisma.$transaction(async (tx) => {
      const site = await tx.site.create({ data: { ...input, organisationId: actor.organisationId } });
      await recordAudit(tx, actor, { action: "site.created", entityType: "Site", entityId: site.id, after: { ...input } });
      return { siteId: site.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

/**
 * Changing a site's nation changes its working-day calendar, so its cases' stored due dates are
 * recomputed in the same transaction (design.md "Deadlines are derived from events").
 */
export async function updateSite(prisma: PrismaClient, actor: UseCaseActor, input: UpdateSiteInput): Promise<void> {
  assertCan(actor, "manage:site:any");
  const { siteId, version, ...fields } = input;
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.site.findFirst({ where: { id: siteId, organisationId: actor.organisationId } });
      if (!before) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
      const updated = await tx.site.updateMany({
        where: { id: siteId, organisationId: actor.organisationId, version },
        data: { ...fields, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new UseCaseError("STALE", STALE_MESSAGE);
      if (before.nation !== fields.nation) {
        await recomputeAllDueDates(tx, await loadCalendar(tx), { siteId });
      }
      await recordAudit(tx, actor, {
        action: "site.updated",
        entityType: "Site",
        entityId: siteId,
        before: { name: before.name, nation: before.nation, address: before.address, capacity: before.capacity, active: before.active },
        after: { ...fields },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

export interface SiteSummary {
  id: string;
  name: string;
  nation: "england_and_wales" | "scotland" | "northern_ireland";
  address: string | null;
  capacity: number | null;
  active: boolean;
  version: number;
  openCases: number;
}

export async function listSites(prisma: PrismaClient, actor: UseCaseActor): Promise<SiteSummary[]> {
  assertCan(actor, "manage:site:any");
  const sites = await prisma.site.findMany({
    where: { organisationId: actor.organisationId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true, name: true, nation: true, address: true, capacity: true, active: true, version: true,
      _count: { select: { cases: { where: { closedAt: null } } } },
    },
  });
  return sites.map(({ _count, ...site }) => ({ ...site, openCases: _count.cases }));
}

/** Site names for pickers (any signed-in user of the organisation). */
export async function siteOptions(prisma: PrismaClient, organisationId: string): Promise<{ id: string; name: string }[]> {
  return prisma.site.findMany({ where: { organisationId, active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
