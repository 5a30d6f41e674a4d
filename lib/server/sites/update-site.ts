import type { PrismaClient } from "@/lib/db/prisma";
import type { UpdateSiteInput } from "@/lib/domain/forms/admin-forms";
import { recordAudit } from "../audit/record-audit";
import { recomputeAllDueDates } from "../cases/recompute-all-due-dates";
import { loadCalendar } from "../reference/load-calendar";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { duplicateName } from "./duplicate-site-name";
import { referenceDataChanged } from "../reference/reference-cache";

/**
 * Changing a site's nation changes its working-day calendar, so its cases' stored due dates are
 * recomputed in the same transaction (docs/architecture.md: deadlines are derived from events).
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
  } finally {
    // This process's pages read the change on their next request (lib/server/reference/load-staff-and-sites.ts).
    referenceDataChanged();
  }
}
