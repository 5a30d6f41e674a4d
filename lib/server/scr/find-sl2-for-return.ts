import type { Prisma } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";
import { CASE_FOR_CHANGE_SELECT } from "../cases/case-access";
import { UseCaseError } from "../use-case-error";
import { findScrCaseForOfficer } from "./find-scr-case";

/**
 * Inside a use-case's transaction: the SCR case and its SL2, for a nominated officer about to
 * record a return (13.55–13.57), and who the return goes to (the JCP nominated officer, 13.54).
 */
export async function findSl2ForReturn(tx: Prisma.TransactionClient, actor: UseCaseActor, caseId: string) {
  const found = await findScrCaseForOfficer(tx, actor, caseId, { select: { ...CASE_FOR_CHANGE_SELECT, ruleset: true }, logRefusal: false });
  assertCan(actor, "update:restricted-case:any");
  const sl2 = await tx.sl2Form.findUnique({ where: { caseId: found.id } });
  if (!sl2) throw new UseCaseError("INVALID", "This case has no SL2 recorded.");
  const officer = await tx.contact.findFirst({ where: { caseId: found.id, role: "jcp_nominated_officer" }, orderBy: { createdAt: "asc" }, select: { name: true } });
  return { found, sl2, counterparty: officer ? `${officer.name} (JCP nominated officer)` : "JCP nominated officer" };
}
