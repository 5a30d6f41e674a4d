import { todayInLondon } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { ReferralIntakeInput } from "@/lib/domain/forms/referral-intake";
import { formatNino } from "@/lib/domain/identifiers";
import { recordAudit } from "../audit/record-audit";
import { loadCalendar } from "../reference/load-calendar";
import { caseWhereVisibleTo } from "../cases/case-visibility";
import { recomputeDueDates } from "../cases/recompute-due-dates";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { UseCaseError } from "../use-case-error";
import { requireOpenSite } from "../sites/require-open-site";

/**
 * Record a PRaP referral as a new case (domain.md "Referral routes" 1 and 2; "Model"): the
 * claimant as the referral describes them (13.61–13.64, 3.33), the case, its first PRaP
 * referral (status received, 13.16, 3.06), the Work Coach or DEA from the Warm Handover call
 * (13.11, 3.05), the assignment, the stored due dates and the audit row — in ONE transaction.
 *
 * Duplicates: the purchase order number and the referral ID are unique (one PrapReferral per
 * purchase order), so a second referral — or a double submit — is refused with CONFLICT naming
 * the case that holds it, unless the actor may not see that case (an SCR case for anyone but a
 * nominated officer, lib/server/cases/case-visibility.ts): then it is "already recorded", unnamed.
 *
 * Re-referral: there are no re-referrals (13.39, 3.18), but the guidance is silent on what to do
 * when one arrives; domain.md "Decisions": a warning needing a justification, never a silent
 * block. So a NINO that already has a case in the organisation is refused once with a field
 * error asking why; the same post with a justification records the case and keeps the reason.
 *
 * Case references (SES-000001): there is no database sequence (no migration here), so the next
 * number is max + 1 read inside the transaction. Two transactions can read the same max; the
 * unique index on Case.reference then refuses the second insert, its transaction rolls back
 * whole, and it is retried from the start (fresh max, and the duplicate checks again — so the
 * losing half of a double submit ends as CONFLICT naming the winner, not as a second case).
 */

const MAX_ATTEMPTS = 5;

export interface RecordedReferral {
  caseId: string;
  reference: string;
}

type Tx = Prisma.TransactionClient;

function formatReference(n: number): string {
  return `SES-${String(n).padStart(6, "0")}`;
}

/** max + 1 over every reference of the SES-<digits> shape, compared as numbers (not text). */
export async function nextReference(tx: Tx): Promise<string> {
  const [{ next }] = await tx.$queryRaw<{ next: number }[]>`
    SELECT (COALESCE(MAX(CAST(SUBSTRING("reference" FROM 5) AS INTEGER)), 0) + 1)::int AS "next"
    FROM "Case" WHERE "reference" ~ '^SES-[0-9]{1,9}$'`;
  return formatReference(Number(next));
}

/** The references of these cases that the actor may see (the one visibility rule), by id. */
async function visibleReferences(tx: Tx, actor: UseCaseActor, caseIds: string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const rows = await tx.case.findMany({
    where: { AND: [{ id: { in: caseIds } }, caseWhereVisibleTo(actor)] },
    select: { id: true, reference: true },
  });
  return new Map(rows.map((row) => [row.id, row.reference]));
}

const onCase = (reference: string | undefined) => (reference ? ` on case ${reference}` : "");

/** CONFLICT when the purchase order number or referral ID is already recorded (also used for JCP's referral of an SRO introduction, 13.49). */
export async function refuseDuplicates(
  tx: Tx,
  actor: UseCaseActor,
  referral: { purchaseOrderNumber: string; referralId: string },
): Promise<void> {
  const { purchaseOrderNumber, referralId } = referral;
  const existing = await tx.prapReferral.findMany({
    where: { OR: [{ purchaseOrderNumber }, { referralId }] },
    select: { purchaseOrderNumber: true, referralId: true, caseId: true },
  });
  if (existing.length === 0) return;
  const references = await visibleReferences(tx, actor, existing.map((row) => row.caseId));
  const fieldErrors: Record<string, string> = {};
  const byPurchaseOrder = existing.find((row) => row.purchaseOrderNumber === purchaseOrderNumber);
  if (byPurchaseOrder) {
    fieldErrors.purchaseOrderNumber = `Purchase order ${purchaseOrderNumber} is already recorded${onCase(references.get(byPurchaseOrder.caseId))}`;
  }
  const byReferralId = existing.find((row) => row.referralId === referralId);
  if (byReferralId) {
    fieldErrors.referralId = `Referral ID ${referralId} is already recorded${onCase(references.get(byReferralId.caseId))}`;
  }
  throw new UseCaseError("CONFLICT", Object.values(fieldErrors)[0], fieldErrors);
}

/**
 * The earlier case of a claimant with this NINO in the organisation, if any (13.39, 3.18, 13.46).
 * Without a justification the referral is refused with a field error; with one it goes ahead.
 */
async function earlierCaseOf(tx: Tx, actor: UseCaseActor, input: ReferralIntakeInput): Promise<string | null> {
  const earlier = await tx.case.findFirst({
    where: { organisationId: actor.organisationId, claimant: { nino: input.claimant.nino } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (!earlier) return null;
  if (input.reReferralJustification) return earlier.id;
  const reference = (await visibleReferences(tx, actor, [earlier.id])).get(earlier.id);
  const message =
    `National Insurance number ${formatNino(input.claimant.nino)} is already recorded${onCase(reference)}. ` +
    "SES is voluntary and there are no re-referrals (13.39, 3.18): explain why this referral should be recorded";
  throw new UseCaseError("INVALID", message, { reReferralJustification: message });
}

async function createEverything(tx: Tx, actor: UseCaseActor, input: ReferralIntakeInput, now: Date): Promise<RecordedReferral> {
  await refuseDuplicates(tx, actor, input.referral);
  const reReferralOfCaseId = await earlierCaseOf(tx, actor, input);
  const { referral, claimant: person, handover } = input;

  const claimant = await tx.claimant.create({
    data: {
      ...person,
      employmentHistory: {
        create: input.employmentHistory.map((job) => ({
          sequence: job.sequence,
          description: job.description,
          startDate: isoDateToDb(job.startDate),
          endDate: isoDateToDb(job.endDate),
        })),
      },
      qualifications: {
        create: input.qualifications.map((qualification) => ({
          sequenceNumber: qualification.sequenceNumber,
          level: qualification.level,
          subject: qualification.subject,
          outcome: qualification.outcome,
          startDate: isoDateToDb(qualification.startDate),
          endDate: isoDateToDb(qualification.endDate),
        })),
      },
    },
    select: { id: true },
  });

  // A caseworker who records a referral holds it; anyone else leaves it for allocation.
  const assignedCaseworkerId = actor.roles.includes("caseworker") ? actor.id : null;
  const reference = await nextReference(tx);
  const created = await tx.case.create({
    data: {
      reference,
      organisationId: actor.organisationId,
      siteId: referral.siteId,
      claimantId: claimant.id,
      route: referral.route,
      ruleset: referral.ruleset,
      state: "referred",
      restrictionTier: input.mappa ? "mappa" : "none",
      mappaMarkedAt: input.mappa ? now : null,
      assignedCaseworkerId,
      referralDate: isoDateToDb(referral.referralDate),
      referralReceivedOn: isoDateToDb(referral.referralReceivedOn),
      initialAssessmentOn: isoDateToDb(referral.initialAssessmentOn),
      reReferralJustification: reReferralOfCaseId ? input.reReferralJustification : null,
      createdById: actor.id,
    },
    select: { id: true },
  });

  const prapReferral = await tx.prapReferral.create({
    data: {
      caseId: created.id,
      purchaseOrderNumber: referral.purchaseOrderNumber,
      referralId: referral.referralId,
      provisionId: referral.provisionId,
      provision: referral.provision,
      regime: referral.regime,
      referralDate: isoDateToDb(referral.referralDate),
      // Received today: now. Received earlier: that date (midnight UTC is that date in London too).
      receivedAt: referral.referralReceivedOn === todayInLondon(now) ? now : isoDateToDb(referral.referralReceivedOn),
      status: "received",
      statusChangedAt: now,
    },
    select: { id: true },
  });

  await tx.contact.create({
    data: {
      caseId: created.id,
      role: handover.role,
      name: handover.name,
      organisation: handover.organisation,
      phone: handover.phone,
      email: handover.email,
    },
  });

  if (assignedCaseworkerId) {
    await tx.caseAssignment.create({
      data: { caseId: created.id, caseworkerId: assignedCaseworkerId, assignedById: actor.id, assignedAt: now },
    });
  }

  await recomputeDueDates(tx, created.id, await loadCalendar(tx));

  // Ids and codes only: the personal data stays in the claimant row (13.61, security.md LG-05).
  await recordAudit(tx, actor, {
    action: "case.created",
    entityType: "Case",
    entityId: created.id,
    caseId: created.id,
    after: {
      reference,
      route: referral.route,
      ruleset: referral.ruleset,
      state: "referred",
      siteId: referral.siteId,
      restrictionTier: input.mappa ? "mappa" : "none",
      prapReferralId: prapReferral.id,
      provision: referral.provision,
      regime: referral.regime,
      assignedCaseworkerId,
      reReferralOfCaseId,
    },
  });
  return { caseId: created.id, reference };
}

export async function recordPrapReferral(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: ReferralIntakeInput,
  now: Date = new Date(),
): Promise<RecordedReferral> {
  assertCan(actor, "create:referral:any");
  await requireOpenSite(prisma, actor, input.referral.siteId);

  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => createEverything(tx, actor, input, now));
    } catch (error) {
      // A reference taken by a concurrent transaction, or the other half of a double submit:
      // try again from the top; the duplicate checks then name the case that won.
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new UseCaseError("CONFLICT", "The referral could not be recorded because others were recording referrals at the same time. Submit it again.");
      }
    }
  }
}
