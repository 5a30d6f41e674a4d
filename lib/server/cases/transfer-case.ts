import { nationDisplayName } from "@/lib/calendar/nations";
import { isoDateFromDb } from "@/lib/db/dates";
import { nationFromCode, type NationCode } from "@/lib/domain/nation";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { transferRefusal, TRANSFER_REFUSAL_MESSAGES } from "@/lib/domain/case-transfer";
import type { TransferCaseInput } from "@/lib/domain/forms/case-transfer-form";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";
import { findVisibleCase } from "./find-visible-case";
import { recomputeCaseDueDates } from "./recompute-case-due-dates";
import { staleCaseMessage } from "./stale-case-message";

/** The stored due dates a transfer can move (each recomputed in the new site's nation's working days). */
const DUE_DATE_COLUMNS = ["formsChaseDueOn", "ucpr1DuplicateDueOn", "welcomeCallDueOn", "meetDueOn", "startDueOn", "exitNoticeDueOn"] as const;
const DUE_DATE_SELECT = Object.fromEntries(DUE_DATE_COLUMNS.map((column) => [column, true])) as { [K in (typeof DUE_DATE_COLUMNS)[number]]: true };

const SELECT = {
  id: true,
  version: true,
  restrictionTier: true,
  assignedCaseworkerId: true,
  siteId: true,
  site: { select: { name: true, nation: true } },
  ...DUE_DATE_SELECT,
} as const satisfies Prisma.CaseSelect;

function siteWords(site: { name: string; nation: NationCode }): string {
  return `${site.name} (${nationDisplayName(nationFromCode(site.nation))})`;
}

function dueDates(row: { [K in (typeof DUE_DATE_COLUMNS)[number]]: Date | null }): Record<string, string | null> {
  return Object.fromEntries(DUE_DATE_COLUMNS.map((column) => [column, isoDateFromDb(row[column])]));
}

/**
 * Move a case to another site of the organisation, and so possibly to another nation's working-day
 * calendar: the stored due dates are recomputed in the same transaction, and one audit row keeps
 * the site and every due date that moved, before and after, with the reason (LG-02). Who may:
 * lib/domain/case-transfer.ts (docs/decisions/0016-case-page-circumstances-and-transfer.md).
 */
export async function transferCase(prisma: PrismaClient, actor: UseCaseActor, input: TransferCaseInput): Promise<{ moved: boolean }> {
  assertCan(actor, "read:case:any");
  return prisma.$transaction(async (tx) => {
    const found = await findVisibleCase(tx, actor, input.caseId, { select: SELECT, logRefusal: false });
    const toSite = await tx.site.findFirst({ where: { id: input.siteId, organisationId: actor.organisationId, active: true }, select: { id: true, name: true, nation: true } });
    if (!toSite) throw new UseCaseError("INVALID", "Select the site the case moves to", { siteId: "Select the site the case moves to" });
    const me = await tx.user.findUnique({ where: { id: actor.id }, select: { siteId: true } });
    const refusal = transferRefusal({ id: actor.id, roles: actor.roles, siteId: me?.siteId ?? null }, { assignedCaseworkerId: found.assignedCaseworkerId, restrictionTier: found.restrictionTier, fromSiteId: found.siteId }, toSite.id);
    if (refusal) throw new UseCaseError("FORBIDDEN", TRANSFER_REFUSAL_MESSAGES[refusal]);
    if (toSite.id === found.siteId) {
      // A repeat submission of a move already made changes nothing; choosing the current site is a mistake.
      const repeat = await tx.auditEvent.findFirst({ where: { caseId: found.id, action: "case.transferred", actorId: actor.id, at: { gte: new Date(Date.now() - 10 * 60_000) } }, select: { id: true } });
      if (repeat) return { moved: false };
      throw new UseCaseError("INVALID", `The case is already at ${found.site.name}: select another site`, { siteId: `The case is already at ${found.site.name}: select another site` });
    }
    const claim = await tx.case.updateMany({ where: { id: found.id, version: input.version }, data: { siteId: toSite.id, version: { increment: 1 } } });
    if (claim.count === 0) throw new UseCaseError("STALE", await staleCaseMessage(tx, found.id));
    await recomputeCaseDueDates(tx, found.id);
    const after = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: DUE_DATE_SELECT });
    const datesBefore = dueDates(found);
    const datesAfter = dueDates(after);
    const movedColumns = DUE_DATE_COLUMNS.filter((column) => datesBefore[column] !== datesAfter[column]);
    await recordAudit(tx, actor, {
      action: "case.transferred",
      entityType: "Case",
      entityId: found.id,
      caseId: found.id,
      before: { site: siteWords(found.site), siteId: found.siteId, nation: found.site.nation, ...Object.fromEntries(movedColumns.map((column) => [column, datesBefore[column]])) },
      after: { site: siteWords(toSite), siteId: toSite.id, nation: toSite.nation, ...Object.fromEntries(movedColumns.map((column) => [column, datesAfter[column]])) },
      reason: input.reason,
    });
    return { moved: true };
  });
}
