import type { Prisma } from "@/lib/db/prisma";
import { can } from "@/lib/domain/permissions";
import type { UseCaseActor } from "../assert-can";

/**
 * Intake must not reveal that an SCR person exists (docs/security.md AC-02;
 * docs/rules/restricted-cases.md: possible duplicates of an SCR case). For an actor who may not
 * see SCR cases, the id of an SCR case of their organisation with this NINO — which the intake
 * then treats exactly as an unknown NINO, but opens restricted and alerts the nominated
 * officers. null for a nominated officer (they see the SCR case and are told of it as of any
 * other) and when there is none. The query runs for every intake, so both answers take the same
 * path (the same timing class).
 */
export async function findHiddenScrCase(tx: Pick<Prisma.TransactionClient, "case">, actor: UseCaseActor, nino: string | null): Promise<string | null> {
  if (!nino) return null;
  const match = await tx.case.findFirst({
    where: { organisationId: actor.organisationId, restrictionTier: "scr", claimant: { nino } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (can(actor.roles, "read:restricted-case:any")) return null;
  return match?.id ?? null;
}
