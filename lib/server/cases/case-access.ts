import type { Prisma } from "@/lib/db/prisma";
import type { UseCaseActor } from "../assert-can";
import { findVisibleCase } from "./find-visible-case";

/** The columns a write use-case usually needs of the case it changes. */
export const CASE_FOR_CHANGE_SELECT = {
  id: true,
  version: true,
  state: true,
  restrictionTier: true,
  organisationId: true,
  siteId: true,
  assignedCaseworkerId: true,
} as const satisfies Prisma.CaseSelect;

/**
 * Inside a use-case's transaction: the case, if this actor may see it — otherwise "not found",
 * exactly as for an id that never existed (findVisibleCase; AC-01, AC-05). Nothing is logged: a
 * security event written here would roll back with the refused change.
 */
export async function findCaseForActor(tx: Prisma.TransactionClient, actor: UseCaseActor, caseId: string) {
  return findVisibleCase(tx, actor, caseId, { select: CASE_FOR_CHANGE_SELECT, logRefusal: false });
}
