import type { Prisma } from "@/lib/db/prisma";
import type { UndoSnapshot } from "./undo-snapshot";

export interface LastStep {
  eventId: string;
  at: Date;
  /** The step's action (lib/domain/lifecycle/steps) and the states it moved between. */
  action: string;
  from: string;
  to: string;
  /** Null for a step recorded before steps kept what they changed. */
  undo: UndoSnapshot | null;
  prapReferral: { purchaseOrderNumber: string; before: string; after: string } | null;
}

type Json = Record<string, unknown>;

/**
 * The case's last lifecycle step still in force: the newest transition audit row (it names its
 * transition) that a later "undo" has not already undone. Null when there is none.
 */
export async function findLastStep(tx: Pick<Prisma.TransactionClient, "auditEvent">, caseId: string): Promise<LastStep | null> {
  const events = await tx.auditEvent.findMany({
    where: { caseId, action: { startsWith: "case." }, restrictedRead: false },
    orderBy: { id: "desc" },
    take: 200,
    select: { id: true, at: true, action: true, before: true, after: true },
  });
  const undone = new Set<string>();
  for (const event of events) {
    const after = (event.after ?? {}) as Json;
    if (event.action === "case.step_undone" && typeof after.undoneEventId === "string") {
      undone.add(after.undoneEventId);
      continue;
    }
    if (typeof after.transition !== "string" || undone.has(String(event.id))) continue;
    const before = (event.before ?? {}) as Json;
    return {
      eventId: String(event.id),
      at: event.at,
      action: String(after.action ?? ""),
      from: String(before.state ?? ""),
      to: String(after.state ?? ""),
      undo: (before.undo as UndoSnapshot | undefined) ?? null,
      prapReferral: (after.prapReferral as LastStep["prapReferral"] | undefined) ?? null,
    };
  }
  return null;
}
