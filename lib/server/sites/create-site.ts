import type { PrismaClient } from "@/lib/db/prisma";
import type { CreateSiteInput } from "@/lib/domain/forms/admin-forms";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { duplicateName } from "./duplicate-site-name";
import { referenceDataChanged } from "../reference/reference-cache";

/** An administrator adds a site to their organisation, audited in the same transaction (LG-02). */
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
  } finally {
    // This process's pages read the change on their next request (lib/server/reference/load-staff-and-sites.ts).
    referenceDataChanged();
  }
}
