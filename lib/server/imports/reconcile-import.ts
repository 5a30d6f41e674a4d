import type { Prisma } from "@/lib/db/prisma";
import type { UseCaseActor } from "../assert-can";

/** Placeholder until the reconciliation lands: records nothing. */
export async function reconcileImport(
  _tx: Prisma.TransactionClient,
  _actor: UseCaseActor,
  _current: { id: string; mapping: unknown },
  _now: Date,
): Promise<string | null> {
  return null;
}
