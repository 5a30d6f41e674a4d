import type { PrismaClient, Prisma } from "@/lib/db/prisma";
import { changedClaimantFields, claimantFieldsOf, CONTACT_FIELD_NAMES, type ChangeCircumstancesInput, type ClaimantFields } from "@/lib/domain/forms/circumstances";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";
import { findVisibleCase } from "./find-visible-case";
import { staleCaseMessage } from "./stale-case-message";

const SELECT = {
  id: true,
  version: true,
  restrictionTier: true,
  claimantId: true,
  claimant: {
    select: {
      title: true,
      forename: true,
      surname: true,
      telephone: true,
      alternativeTelephone: true,
      addressLine1: true,
      addressLine2: true,
      town: true,
      postcode: true,
      disabled: true,
      vulnerable: true,
      welshLanguage: true,
      childcareRequirements: true,
      disadvantaged: true,
    },
  },
} as const satisfies Prisma.CaseSelect;

/**
 * A change of circumstances: the claimant's contact and personal details, checked against the
 * version the form was rendered with. Only what changed is written, with its before and after in
 * one audit row in the same transaction (LG-02); a repeat submission changes nothing; a stale
 * edit is refused naming who changed the case and when. A MAPPA case's contact details are the
 * nominated officer's (13.70, 13.71): anyone else is refused.
 */
export async function changeCircumstances(prisma: PrismaClient, actor: UseCaseActor, input: ChangeCircumstancesInput): Promise<{ changed: (keyof ClaimantFields)[] }> {
  assertCan(actor, "update:case:any");
  return prisma.$transaction(async (tx) => {
    const found = await findVisibleCase(tx, actor, input.caseId, { select: SELECT, logRefusal: false });
    if (found.restrictionTier === "mappa" && !actor.roles.includes("nominated_officer")) {
      throw new UseCaseError("FORBIDDEN", "Only a nominated officer can change a MAPPA case’s contact and personal details (13.71)");
    }
    const before = claimantFieldsOf(found.claimant);
    const changed = changedClaimantFields(before, input.fields);
    if (changed.length === 0) return { changed }; // a repeat submission, or nothing changed: nothing to write
    const claim = await tx.case.updateMany({ where: { id: found.id, version: input.version }, data: { version: { increment: 1 } } });
    if (claim.count === 0) throw new UseCaseError("STALE", await staleCaseMessage(tx, found.id));
    const data = Object.fromEntries(changed.map((key) => [key, input.fields[key]])) as Prisma.ClaimantUpdateInput;
    await tx.claimant.update({ where: { id: found.claimantId }, data });
    // A MAPPA case's contact details never go into the open audit trail (13.70).
    const hidden = new Set<string>(found.restrictionTier === "mappa" ? CONTACT_FIELD_NAMES : []);
    const values = (fields: ClaimantFields) =>
      Object.fromEntries(changed.map((key) => [key, hidden.has(key) ? "(withheld: MAPPA)" : fields[key]])) as Record<string, Prisma.InputJsonValue | null>;
    await recordAudit(tx, actor, {
      action: "case.circumstances_changed",
      entityType: "Case",
      entityId: found.id,
      caseId: found.id,
      before: values(before),
      after: values(input.fields),
    });
    return { changed };
  });
}
