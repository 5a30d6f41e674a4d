import type { LifecycleSnapshot } from "@/lib/domain/lifecycle/snapshot";
import type { IsoDate } from "@/lib/calendar/iso-date";
import type { Prisma } from "@/lib/db/prisma";
import { checkTransition, type TransitionAllowed } from "@/lib/domain/lifecycle/check-transition";
import type { LifecycleAction, LifecycleInputs } from "@/lib/domain/lifecycle/steps";
import { CASE_FOR_CHANGE_SELECT } from "../cases/case-access";
import { findVisibleCase } from "../cases/find-visible-case";
import { loadLifecycleSnapshot, loadUnableToContactThreshold } from "../cases/lifecycle/lifecycle-snapshot";
import type { UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "../use-case-error";

export type Tx = Prisma.TransactionClient;

export interface SroClock {
  today: IsoDate;
  now: Date;
}

/**
 * Inside a use-case's transaction: the SRO-introduction case this actor may see (NOT_FOUND
 * otherwise, exactly as a random id — AC-01), at the version the form was rendered with (STALE),
 * with its SESSRO1 form.
 */
export async function findIntroductionForActor(tx: Tx, actor: UseCaseActor, caseId: string, version: number) {
  const { sessro1: form, ...found } = await findVisibleCase(tx, actor, caseId, {
    select: { ...CASE_FOR_CHANGE_SELECT, ruleset: true, sessro1: true },
    logRefusal: false,
  });
  if (found.version !== version) throw new UseCaseError("STALE", STALE_MESSAGE);
  if (!form) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return { found, form };
}

/** The state machine's verdict on the state just read; INVALID with its message (on `fallbackField` if it names none). */
export async function checkIntroductionStep<A extends LifecycleAction>(
  tx: Tx,
  caseId: string,
  action: A,
  input: LifecycleInputs[A],
  clock: SroClock,
  fallbackField: string,
  /** The snapshot as the step will leave it where the step itself settles a fact (JCP's referral settles the ruleset). */
  adjust: (snapshot: LifecycleSnapshot) => LifecycleSnapshot = (snapshot) => snapshot,
): Promise<TransitionAllowed> {
  const snapshot = adjust(await loadLifecycleSnapshot(tx, caseId));
  const threshold = await loadUnableToContactThreshold(tx);
  const check = checkTransition(snapshot, action, input, { ...clock, unableToContactThreshold: threshold });
  if (!check.ok) throw new UseCaseError("INVALID", check.message, { [check.field ?? fallbackField]: check.message });
  return check;
}
