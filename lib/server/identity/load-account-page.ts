import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";

/** The user's own account page (app/(signed-in)/account): their second factor and recovery codes left. */
export function loadAccountPage(actor: UseCaseActor) {
  return loadPage(async (db) => {
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, mfaEnabledAt: true, passwordChangedAt: true } });
    const recoveryCodesLeft = await db.mfaRecoveryCode.count({ where: { userId: actor.id, usedAt: null } });
    return { ...user, recoveryCodesLeft };
  });
}
