import type { Prisma } from "@/lib/db/prisma";
import type { TransitionAllowed } from "@/lib/domain/lifecycle/check-transition";
import { recordAudit, type Actor } from "../../audit/record-audit";

/**
 * The audit row of one lifecycle transition (LG-02: written in the transaction of the change):
 * `case.<new state>`, the state before and after, the action and transition row, the step's own
 * details, any flags, and the state machine's warnings as the reason. Every use-case that moves a
 * case's state writes it through here, so the timeline and access log read one shape.
 */
export async function recordTransitionAudit(
  tx: Pick<Prisma.TransactionClient, "auditEvent">,
  actor: Actor,
  caseId: string,
  check: TransitionAllowed,
  details: { before?: Record<string, Prisma.InputJsonValue | null>; after?: Record<string, Prisma.InputJsonValue | undefined> } = {},
): Promise<void> {
  await recordAudit(tx, actor, {
    // A step that records an event and leaves the state alone (the welcome call, 3.07) is named by its action.
    action: check.from === check.to ? `case.${check.action}` : `case.${check.to}`,
    entityType: "Case",
    entityId: caseId,
    caseId,
    before: { state: check.from, ...details.before },
    after: {
      state: check.to,
      action: check.action,
      transition: check.transitionId,
      ...details.after,
      ...(check.flags.length > 0 ? { flags: check.flags } : {}),
    },
    reason: check.warnings.length > 0 ? check.warnings.join(" ") : null,
  });
}
