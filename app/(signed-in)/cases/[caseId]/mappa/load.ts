import "server-only";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db/client";
import { getMappaAnnex } from "@/lib/server/mappa/get-mappa-annex";
import { UseCaseError } from "@/lib/server/use-case-error";

/**
 * The annex for a page: nominated officers only; everyone else — and any id that is not a MAPPA
 * case this officer may see — gets the same 404 as an id that never existed (AC-01). Each load is
 * one audited restricted read (LG-01).
 */
export async function loadMappaAnnex(caseId: string) {
  // Any signed-in user reaches the use-case, so a refusal is logged (LG-03); all refusals are the same 404.
  const user = await requireUser();
  const annex = await getMappaAnnex(await getPrisma(), user, caseId).catch((error: unknown) => {
    if (error instanceof UseCaseError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  return { user, annex };
}
