import type { PrismaClient, Prisma } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";

type Reader = Pick<PrismaClient | Prisma.TransactionClient, "site" | "user" | "referralImport">;

/**
 * Who may import for a site (docs/decisions/0023-bulk-import-and-expected-referrals.md): managers
 * for any open site of their organisation; caseworkers and nominated officers for their own site
 * (a caseworker with no site, for any). Scope comes from the actor, never the post (AC-05).
 */
export async function requireImportSite(db: Reader, actor: UseCaseActor, siteId: string): Promise<{ id: string; name: string }> {
  assertCan(actor, "import:referral:any");
  const site = await db.site.findFirst({ where: { id: siteId, organisationId: actor.organisationId, active: true }, select: { id: true, name: true } });
  const refuse = () => {
    throw new UseCaseError("INVALID", "Select a site from the list", { siteId: "Select a site from the list" });
  };
  if (!site) return refuse();
  if (!actor.roles.includes("manager")) {
    const user = await db.user.findUnique({ where: { id: actor.id }, select: { siteId: true } });
    if (user?.siteId && user.siteId !== site.id) return refuse();
  }
  return site;
}

/** An import of the actor's organisation, else NOT_FOUND (the same answer as one that never existed, AC-01). */
export async function findImport(db: Reader, actor: UseCaseActor, importId: string) {
  assertCan(actor, "import:referral:any");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(importId)) throw new UseCaseError("NOT_FOUND", "That import could not be found.");
  const found = await db.referralImport.findFirst({ where: { id: importId, organisationId: actor.organisationId } });
  if (!found) throw new UseCaseError("NOT_FOUND", "That import could not be found.");
  return found;
}
