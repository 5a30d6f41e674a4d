import { randomUUID } from "node:crypto";
import type { WorkingDayCalendar } from "@/lib/calendar";
import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Nation, Prisma } from "@/lib/db/prisma";
import { formatCaseReference } from "@/lib/domain/case-reference";
import type { DeadlineSettings } from "@/lib/domain/deadlines";
import type { ReferralIntakeInput } from "@/lib/domain/forms/referral-intake";
import { isPlainImportedReferral } from "@/lib/domain/import/prap-import-row";
import { lateInitialAssessmentWarning } from "@/lib/domain/warnings/deadline-warnings";
import type { UseCaseActor } from "../assert-can";
import { recordAudits, type AuditEntry } from "../audit/record-audit";
import { dueDateColumnsFor, type ClockInputRow } from "../cases/recompute-due-dates";

type Tx = Prisma.TransactionClient;

/** A valid row of a committing import, as the intake's schema gave it. */
export interface ImportedReferral {
  rowNumber: number;
  input: ReferralIntakeInput;
  dateOfBirth: IsoDate | null;
  /** It matched an open expected referral (3.05), which the intake attaches one by one. */
  attachesHandover: boolean;
}

/** What the set-based path needs once per batch: the import's site nation, the calendar and the deadline settings. */
export interface BatchClocks {
  nation: Nation;
  calendar: WorkingDayCalendar;
  settings: DeadlineSettings;
}

/** One statement carries at most 32,767 values; a claimant row has about thirty. */
const INSERT_CHUNK = 500;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await write(rows.slice(start, start + INSERT_CHUNK));
}

/** The stored due dates of a new PRaP case, computed in memory by the one function that computes them (recompute-due-dates.ts). */
function dueDatesOf(input: ReferralIntakeInput, clocks: BatchClocks) {
  const { referral } = input;
  const row: ClockInputRow = {
    ruleset: referral.ruleset,
    state: "referred",
    restrictionTier: "none",
    site: { nation: clocks.nation },
    referralDate: isoDateToDb(referral.referralDate),
    referralReceivedOn: isoDateToDb(referral.referralReceivedOn),
    uc452ReceivedOn: null,
    ucpr1ReceivedOn: null,
    spocChasedOn: null,
    ucpr1DuplicateRequestedOn: null,
    welcomeCallOn: null,
    firstMetOn: null,
    startedOn: null,
    endedOn: null,
    exitNoticeSentOn: null,
    backOutEmailAt: null,
    cancelledAt: null,
  };
  return dueDateColumnsFor(row, clocks.calendar, clocks.settings);
}

/**
 * Which rows of a batch take the set-based path (docs/decisions/0023-bulk-import-and-expected-referrals.md,
 * "The set-based commit"): those the intake would open with no question asked. The intake's checks,
 * for the whole batch in three statements:
 *  - the transaction locks the intake takes per purchase order and per referral ID
 *    (prap-referral-rules.ts refuseDuplicates), all purchase orders first, then all referral IDs,
 *    so a referral keyed by hand meanwhile waits for the batch and is then told it is recorded;
 *  - a purchase order or referral ID already recorded;
 *  - a claimant with the NINO, anywhere: that covers an earlier spell (re-referral), a hidden SCR
 *    case (restricted, nominated officers alerted) and an open SRO introduction;
 * and in memory: a purchase order, referral ID or NINO on an earlier row of the batch, an Initial
 * Assessment date after the meeting deadline, a Warm Handover call to attach, and anything
 * isPlainImportedReferral turns away.
 * Every other row keeps going through openPrapReferralCase, which makes each check itself and says why.
 */
export async function plainImportedReferrals(tx: Tx, candidates: readonly ImportedReferral[], clocks: BatchClocks): Promise<Set<number>> {
  const plain = candidates.filter((row) => !row.attachesHandover && isPlainImportedReferral(row.input));
  if (plain.length === 0) return new Set();
  const purchaseOrders = plain.map((row) => row.input.referral.purchaseOrderNumber);
  const referralIds = plain.map((row) => row.input.referral.referralId);
  const ninos = plain.map((row) => row.input.claimant.nino);
  const lockKeys = (prefix: string, values: readonly string[]) => JSON.stringify(values.map((value) => `${prefix}${value}`));
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock("key") FROM (
      SELECT DISTINCT hashtext("value") AS "key" FROM jsonb_array_elements_text(${lockKeys("prap-referral:purchase-order:", purchaseOrders)}::jsonb) AS "value" ORDER BY 1
    ) AS "keys"`;
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock("key") FROM (
      SELECT DISTINCT hashtext("value") AS "key" FROM jsonb_array_elements_text(${lockKeys("prap-referral:referral-id:", referralIds)}::jsonb) AS "value" ORDER BY 1
    ) AS "keys"`;
  const recorded = await tx.prapReferral.findMany({
    where: { OR: [{ purchaseOrderNumber: { in: purchaseOrders } }, { referralId: { in: referralIds } }] },
    select: { purchaseOrderNumber: true, referralId: true },
  });
  const known = await tx.claimant.findMany({ where: { nino: { in: ninos } }, select: { nino: true }, distinct: ["nino"] });
  const taken = {
    purchaseOrder: new Set(recorded.map((row) => row.purchaseOrderNumber)),
    referralId: new Set(recorded.map((row) => row.referralId)),
    nino: new Set(known.map((row) => row.nino ?? "")),
  };
  const plainRows = new Set(plain.map((row) => row.rowNumber));
  const result = new Set<number>();
  // In row order: an earlier row of the batch holds its purchase order, referral ID and NINO even
  // when it goes the case-by-case way, as it would when the rows are opened one after another.
  for (const row of [...candidates].sort((a, b) => a.rowNumber - b.rowNumber)) {
    const { referral, claimant } = row.input;
    const clash = taken.purchaseOrder.has(referral.purchaseOrderNumber) || taken.referralId.has(referral.referralId) || taken.nino.has(claimant.nino);
    taken.purchaseOrder.add(referral.purchaseOrderNumber);
    taken.referralId.add(referral.referralId);
    taken.nino.add(claimant.nino);
    if (clash || !plainRows.has(row.rowNumber)) continue;
    // 13.17: a late Initial Assessment date is refused by the intake with its warning.
    if (referral.initialAssessmentOn && lateInitialAssessmentWarning(referral.initialAssessmentOn, isoDateFromDb(dueDatesOf(row.input, clocks).meetDueOn)) !== null) continue;
    result.add(row.rowNumber);
  }
  return result;
}

/**
 * Open the plain rows' cases as a set (docs/decisions/0023-bulk-import-and-expected-referrals.md,
 * "The set-based commit"), inside the batch's transaction: exactly the rows openPrapReferralCase
 * and openCase write for each — the claimant, the case with the next references of the ordinary
 * series (drawn in one statement, in row order, so gap-free as one by one), its PRaP referral
 * (received), the Work Coach or DEA contact, the assignment when the importer is a caseworker, the
 * due dates (computed in memory with the batch's calendar and settings), and the audit rows
 * case.created then case.imported per case, in row order — but each table in a few multi-row
 * inserts instead of a dozen statements per case. Only rows plainImportedReferrals let through
 * come here. Returns each row's case id.
 */
export async function openImportedCases(
  tx: Tx,
  actor: UseCaseActor,
  rows: readonly ImportedReferral[],
  origin: { importId: string; now: Date; clocks: BatchClocks },
): Promise<Map<number, string>> {
  const opened = new Map<number, string>();
  if (rows.length === 0) return opened;
  const { now, clocks, importId } = origin;
  const today = todayInLondon(now);
  const drawn = await tx.$queryRaw<{ next: bigint }[]>`SELECT nextval('case_reference_seq') AS "next" FROM generate_series(1, ${rows.length}::int)`;
  const numbers = drawn.map((row) => row.next).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // A caseworker who records a referral holds it (open-case.ts); anyone else leaves it for allocation.
  const assignedCaseworkerId = actor.roles.includes("caseworker") ? actor.id : null;

  const claimants: Prisma.ClaimantCreateManyInput[] = [];
  const cases: Prisma.CaseCreateManyInput[] = [];
  const referrals: Prisma.PrapReferralCreateManyInput[] = [];
  const contacts: Prisma.ContactCreateManyInput[] = [];
  const assignments: Prisma.CaseAssignmentCreateManyInput[] = [];
  const audit: AuditEntry[] = [];
  rows.forEach((row, index) => {
    const { referral, claimant: person, handover } = row.input;
    const claimantId = randomUUID();
    const caseId = randomUUID();
    const prapReferralId = randomUUID();
    const reference = formatCaseReference("ordinary", numbers[index]);
    opened.set(row.rowNumber, caseId);
    claimants.push({ id: claimantId, ...person, ...(row.dateOfBirth ? { dateOfBirth: isoDateToDb(row.dateOfBirth) } : {}) });
    cases.push({
      id: caseId,
      reference,
      organisationId: actor.organisationId,
      claimantId,
      siteId: referral.siteId,
      route: referral.route,
      ruleset: referral.ruleset,
      rulesetOverrideReason: referral.rulesetOverrideReason,
      rulesetOverriddenById: referral.rulesetOverrideReason ? actor.id : null,
      state: "referred",
      restrictionTier: "none",
      mappaMarkedAt: null,
      referralDate: isoDateToDb(referral.referralDate),
      referralReceivedOn: isoDateToDb(referral.referralReceivedOn),
      warmHandoverOn: isoDateToDb(referral.warmHandoverOn),
      initialAssessmentOn: isoDateToDb(referral.initialAssessmentOn),
      reReferralJustification: null,
      assignedCaseworkerId,
      createdById: actor.id,
      ...dueDatesOf(row.input, clocks),
    });
    // As create-prap-referral.ts: received today is now; received earlier is that date.
    referrals.push({
      id: prapReferralId,
      caseId,
      purchaseOrderNumber: referral.purchaseOrderNumber,
      referralId: referral.referralId,
      provisionId: referral.provisionId,
      provision: referral.provision,
      regime: referral.regime,
      referralDate: isoDateToDb(referral.referralDate),
      receivedAt: referral.referralReceivedOn === today ? now : isoDateToDb(referral.referralReceivedOn),
      status: "received",
      statusChangedAt: now,
    });
    contacts.push({ caseId, role: handover.role, name: handover.name, organisation: handover.organisation, phone: handover.phone, email: handover.email });
    if (assignedCaseworkerId) assignments.push({ caseId, caseworkerId: assignedCaseworkerId, assignedById: actor.id, assignedAt: now });
    audit.push(
      {
        action: "case.created",
        entityType: "Case",
        entityId: caseId,
        caseId,
        after: {
          reference,
          route: referral.route,
          ruleset: referral.ruleset,
          state: "referred",
          siteId: referral.siteId,
          restrictionTier: "none",
          prapReferralId,
          provision: referral.provision,
          regime: referral.regime,
          reReferralOfCaseId: null,
          derivedRuleset: referral.derivedRuleset,
          rulesetOverrideReason: referral.rulesetOverrideReason,
          referralDate: referral.referralDate,
          referralReceivedOn: referral.referralReceivedOn,
          warmHandoverOn: referral.warmHandoverOn,
          assignedCaseworkerId,
        },
      },
      { action: "case.imported", entityType: "ReferralImport", entityId: importId, caseId, after: { importId, rowNumber: row.rowNumber } },
    );
  });
  await inChunks(claimants, (data) => tx.claimant.createMany({ data }));
  await inChunks(cases, (data) => tx.case.createMany({ data }));
  await inChunks(referrals, (data) => tx.prapReferral.createMany({ data }));
  await inChunks(contacts, (data) => tx.contact.createMany({ data }));
  await inChunks(assignments, (data) => tx.caseAssignment.createMany({ data }));
  await inChunks(audit, (entries) => recordAudits(tx, actor, entries));
  return opened;
}
