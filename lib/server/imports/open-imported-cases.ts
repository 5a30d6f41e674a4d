import { randomUUID } from "node:crypto";
import type { WorkingDayCalendar } from "@/lib/calendar";
import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Nation, Prisma } from "@/lib/db/prisma";
import { NO_EVENTS_RECORDED_YET } from "@/lib/domain/case-clock-facts";
import { formatCaseReference } from "@/lib/domain/case-reference";
import type { DeadlineSettings } from "@/lib/domain/deadlines";
import type { ReferralIntakeInput } from "@/lib/domain/forms/referral-intake";
import { isPlainImportedReferral } from "@/lib/domain/import/prap-import-row";
import { lateInitialAssessmentWarning } from "@/lib/domain/warnings/deadline-warnings";
import type { UseCaseActor } from "../assert-can";
import { recordAudits, type AuditEntry } from "../audit/record-audit";
import { dueDateColumnsFor, type ClockInputRow } from "../cases/recompute-due-dates";
import { prapReceivedAt } from "../referrals/create-prap-referral";

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

type Person = ReferralIntakeInput["claimant"];

/** The claimant's columns as the intake gives them, each named, so the insert writes every one. */
function claimantColumns(person: Person) {
  const columns = {
    title: person.title,
    forename: person.forename,
    surname: person.surname,
    nino: person.nino,
    clientNumber: person.clientNumber,
    telephone: person.telephone,
    alternativeTelephone: person.alternativeTelephone,
    addressLine1: person.addressLine1,
    addressLine2: person.addressLine2,
    town: person.town,
    postcode: person.postcode,
    disabled: person.disabled,
    workSearchReviewAppointment: person.workSearchReviewAppointment,
    incidentMarker: person.incidentMarker,
    childcareRequirements: person.childcareRequirements,
    drivingLicence: person.drivingLicence,
    drivingEndorsements: person.drivingEndorsements,
    aims: person.aims,
    jobPreferences: person.jobPreferences,
    preferredHours: person.preferredHours,
    claimPattern: person.claimPattern,
    availabilityRestrictions: person.availabilityRestrictions,
    welshLanguage: person.welshLanguage,
    vulnerable: person.vulnerable,
    disadvantaged: person.disadvantaged,
  } satisfies Record<keyof Person, unknown>;
  // `satisfies` names every field: one the intake adds to the claimant fails the build here until the insert below writes it too.
  return columns;
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
    ...NO_EVENTS_RECORDED_YET,
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

  const claimants: Record<string, unknown>[] = [];
  const cases: Record<string, unknown>[] = [];
  const referrals: Record<string, unknown>[] = [];
  const contacts: Record<string, unknown>[] = [];
  const assignments: Record<string, unknown>[] = [];
  const audit: AuditEntry[] = [];
  rows.forEach((row, index) => {
    const { referral, claimant: person, handover } = row.input;
    const claimantId = randomUUID();
    const caseId = randomUUID();
    const prapReferralId = randomUUID();
    const reference = formatCaseReference("ordinary", numbers[index]);
    const due = dueDatesOf(row.input, clocks);
    opened.set(row.rowNumber, caseId);
    claimants.push({ id: claimantId, ...claimantColumns(person), dateOfBirth: row.dateOfBirth });
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
      referralDate: referral.referralDate,
      referralReceivedOn: referral.referralReceivedOn,
      warmHandoverOn: referral.warmHandoverOn,
      initialAssessmentOn: referral.initialAssessmentOn,
      assignedCaseworkerId,
      createdById: actor.id,
      formsChaseDueOn: isoDateFromDb(due.formsChaseDueOn),
      ucpr1DuplicateDueOn: isoDateFromDb(due.ucpr1DuplicateDueOn),
      welcomeCallDueOn: isoDateFromDb(due.welcomeCallDueOn),
      meetDueOn: isoDateFromDb(due.meetDueOn),
      startDueOn: isoDateFromDb(due.startDueOn),
      cancelDueAt: due.cancelDueAt?.toISOString() ?? null,
      exitNoticeDueOn: isoDateFromDb(due.exitNoticeDueOn),
      nextDeadlineOn: isoDateFromDb(due.nextDeadlineOn),
      position: index,
    });
    referrals.push({
      id: prapReferralId,
      caseId,
      purchaseOrderNumber: referral.purchaseOrderNumber,
      referralId: referral.referralId,
      provisionId: referral.provisionId,
      provision: referral.provision,
      regime: referral.regime,
      referralDate: referral.referralDate,
      receivedAt: prapReceivedAt(referral.referralReceivedOn, { today, now }).toISOString(),
      statusChangedAt: now.toISOString(),
    });
    contacts.push({ id: randomUUID(), caseId, role: handover.role, name: handover.name, organisation: handover.organisation, phone: handover.phone, email: handover.email });
    if (assignedCaseworkerId) assignments.push({ id: randomUUID(), caseId, caseworkerId: assignedCaseworkerId, assignedById: actor.id, assignedAt: now.toISOString() });
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
  // One statement per table (jsonb_to_recordset, as storeVerdicts in preview-import.ts): Prisma's
  // createMany spends far longer building a multi-row insert than the database takes to run it.
  await tx.$executeRaw`
    INSERT INTO "Claimant" ("id", "title", "forename", "surname", "nino", "clientNumber", "telephone", "alternativeTelephone", "addressLine1", "addressLine2",
      "town", "postcode", "disabled", "workSearchReviewAppointment", "incidentMarker", "childcareRequirements", "drivingLicence", "drivingEndorsements", "aims",
      "jobPreferences", "preferredHours", "claimPattern", "availabilityRestrictions", "welshLanguage", "vulnerable", "disadvantaged", "dateOfBirth", "updatedAt")
    SELECT r."id", r."title", r."forename", r."surname", r."nino", r."clientNumber", r."telephone", r."alternativeTelephone", r."addressLine1", r."addressLine2",
      r."town", r."postcode", r."disabled", r."workSearchReviewAppointment", r."incidentMarker", r."childcareRequirements", r."drivingLicence", r."drivingEndorsements", r."aims",
      r."jobPreferences", r."preferredHours", r."claimPattern", r."availabilityRestrictions", r."welshLanguage"::"WelshLanguage", r."vulnerable", r."disadvantaged", r."dateOfBirth", CURRENT_TIMESTAMP
    FROM jsonb_to_recordset(${JSON.stringify(claimants)}::jsonb) AS r("id" uuid, "title" text, "forename" text, "surname" text, "nino" text, "clientNumber" text,
      "telephone" text, "alternativeTelephone" text, "addressLine1" text, "addressLine2" text, "town" text, "postcode" text, "disabled" boolean,
      "workSearchReviewAppointment" text, "incidentMarker" boolean, "childcareRequirements" text, "drivingLicence" text, "drivingEndorsements" text, "aims" text,
      "jobPreferences" text, "preferredHours" text, "claimPattern" text, "availabilityRestrictions" text, "welshLanguage" text, "vulnerable" boolean,
      "disadvantaged" boolean, "dateOfBirth" date)`;
  // In row order, so the reference trigger (keeps the sequence ahead) sees them as drawn.
  await tx.$executeRaw`
    INSERT INTO "Case" ("id", "reference", "organisationId", "siteId", "claimantId", "route", "ruleset", "state", "restrictionTier", "rulesetOverrideReason",
      "rulesetOverriddenById", "referralDate", "referralReceivedOn", "warmHandoverOn", "initialAssessmentOn", "assignedCaseworkerId", "createdById",
      "formsChaseDueOn", "ucpr1DuplicateDueOn", "welcomeCallDueOn", "meetDueOn", "startDueOn", "cancelDueAt", "exitNoticeDueOn", "nextDeadlineOn", "updatedAt")
    SELECT r."id", r."reference", r."organisationId", r."siteId", r."claimantId", r."route"::"CaseRoute", r."ruleset"::"Ruleset", 'referred'::"CaseState",
      'none'::"RestrictionTier", r."rulesetOverrideReason", r."rulesetOverriddenById", r."referralDate", r."referralReceivedOn", r."warmHandoverOn",
      r."initialAssessmentOn", r."assignedCaseworkerId", r."createdById", r."formsChaseDueOn", r."ucpr1DuplicateDueOn", r."welcomeCallDueOn", r."meetDueOn",
      r."startDueOn", r."cancelDueAt", r."exitNoticeDueOn", r."nextDeadlineOn", CURRENT_TIMESTAMP
    FROM jsonb_to_recordset(${JSON.stringify(cases)}::jsonb) AS r("id" uuid, "reference" text, "organisationId" uuid, "siteId" uuid, "claimantId" uuid,
      "route" text, "ruleset" text, "rulesetOverrideReason" text, "rulesetOverriddenById" uuid, "referralDate" date, "referralReceivedOn" date,
      "warmHandoverOn" date, "initialAssessmentOn" date, "assignedCaseworkerId" uuid, "createdById" uuid, "formsChaseDueOn" date, "ucpr1DuplicateDueOn" date,
      "welcomeCallDueOn" date, "meetDueOn" date, "startDueOn" date, "cancelDueAt" timestamptz, "exitNoticeDueOn" date, "nextDeadlineOn" date, "position" int)
    ORDER BY r."position"`;
  await tx.$executeRaw`
    INSERT INTO "PrapReferral" ("id", "caseId", "purchaseOrderNumber", "referralId", "provisionId", "provision", "regime", "referralDate", "receivedAt", "status",
      "statusChangedAt", "updatedAt")
    SELECT r."id", r."caseId", r."purchaseOrderNumber", r."referralId", r."provisionId", r."provision"::"ProvisionType", r."regime"::"Regime", r."referralDate",
      r."receivedAt", 'received'::"PrapReferralStatus", r."statusChangedAt", CURRENT_TIMESTAMP
    FROM jsonb_to_recordset(${JSON.stringify(referrals)}::jsonb) AS r("id" uuid, "caseId" uuid, "purchaseOrderNumber" text, "referralId" text, "provisionId" text,
      "provision" text, "regime" text, "referralDate" date, "receivedAt" timestamptz, "statusChangedAt" timestamptz)`;
  await tx.$executeRaw`
    INSERT INTO "Contact" ("id", "caseId", "role", "name", "organisation", "phone", "email")
    SELECT r."id", r."caseId", r."role"::"ContactRole", r."name", r."organisation", r."phone", r."email"
    FROM jsonb_to_recordset(${JSON.stringify(contacts)}::jsonb) AS r("id" uuid, "caseId" uuid, "role" text, "name" text, "organisation" text, "phone" text, "email" text)`;
  if (assignments.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "CaseAssignment" ("id", "caseId", "caseworkerId", "assignedById", "assignedAt")
      SELECT r."id", r."caseId", r."caseworkerId", r."assignedById", r."assignedAt"
      FROM jsonb_to_recordset(${JSON.stringify(assignments)}::jsonb) AS r("id" uuid, "caseId" uuid, "caseworkerId" uuid, "assignedById" uuid, "assignedAt" timestamptz)`;
  }
  await recordAudits(tx, actor, audit);
  return opened;
}
