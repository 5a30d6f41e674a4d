import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import type { OverrideSl2MarkingInput } from "@/lib/domain/forms/scr-forms";
import { SCR_MARKING_LABELS, scrMarking, scrMarkingCodeFor, scrMarkingOverrideProblem } from "@/lib/domain/scr/sl2";
import { recordAudit } from "../audit/record-audit";
import type { UseCaseActor } from "../assert-can";
import { claimCaseVersion } from "../cases/claim-case-version";
import { UseCaseError } from "../use-case-error";
import { findSl2ForReturn } from "./find-sl2-for-return";

/**
 * The nominated officer's override of the SL2 marking (13.77, 3.43; docs/rules/restricted-cases.md
 * "SCR lifecycle"): the marking follows the case's ruleset, and may be changed, with a reason, only
 * where the case's ruleset was overridden. Choosing the ruleset's own marking clears the override.
 * Version-checked, audited in the same transaction, nominated officers only (NOT_FOUND for anyone
 * else, as for a random id: AC-01).
 */
export async function overrideSl2Marking(prisma: PrismaClient, actor: UseCaseActor, input: OverrideSl2MarkingInput): Promise<void> {
  // findSl2ForReturn answers NOT_FOUND to anyone but a nominated officer, then checks the permission.
  await prisma.$transaction(async (tx) => {
    const { found, sl2 } = await findSl2ForReturn(tx, actor, input.caseId);
    const problem = scrMarkingOverrideProblem({ ruleset: found.ruleset, sl2ReceivedOn: isoDateFromDb(sl2.receivedOn)!, reason: input.reason });
    if (problem) throw new UseCaseError("INVALID", problem, { marking: problem });
    const override = input.marking === scrMarkingCodeFor(found.ruleset) ? null : input.marking;
    await claimCaseVersion(tx, found.id, input.version);
    await tx.sl2Form.update({
      where: { id: sl2.id },
      data: { markingOverride: override, markingOverrideReason: override ? input.reason : null, version: { increment: 1 } },
    });
    await recordAudit(tx, actor, {
      action: "sl2.marking_overridden",
      entityType: "sl2_form",
      entityId: sl2.id,
      caseId: found.id,
      before: { marking: scrMarking(found.ruleset, sl2.markingOverride) },
      after: { marking: SCR_MARKING_LABELS[input.marking], ruleset: found.ruleset },
      reason: input.reason,
    });
  });
}
