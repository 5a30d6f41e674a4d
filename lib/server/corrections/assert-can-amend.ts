import { canAmendCases } from "@/lib/domain/permissions";
import type { UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";

/** "Amend with reason" is an administrator's who can also see cases (docs/decisions/0012-corrections-by-an-administrator.md). */
export function assertCanAmend(actor: UseCaseActor): void {
  if (!canAmendCases(actor.roles)) throw new UseCaseError("FORBIDDEN", "Only an administrator who can see cases can amend a case.");
}
