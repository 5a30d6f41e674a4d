import "server-only";
import { notFound } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db/client";
import { getSessro1View, type Sessro1View } from "@/lib/server/sro/get-sessro1-view";
import { UseCaseError } from "@/lib/server/use-case-error";

/** The case's SESSRO1, or the same 404 as an id that never existed (AC-01). */
export async function loadSessro1OrNotFound(user: CurrentUser, caseId: string, readAction?: string): Promise<Sessro1View> {
  return getSessro1View(await getPrisma(), user, caseId, readAction).catch((error: unknown) => {
    if (error instanceof UseCaseError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}
