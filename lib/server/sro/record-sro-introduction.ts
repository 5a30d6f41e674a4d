import { todayInLondon } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { CLOSED_STATES } from "@/lib/domain/case-states";
import type { SroIntroductionInput } from "@/lib/domain/forms/sro-introduction-forms";
import { formatNino } from "@/lib/domain/identifiers";
import { introductionRulesetOn } from "@/lib/domain/sro/introduction";
import { recordAudit } from "../audit/record-audit";
import { loadCalendar } from "../reference/load-calendar";
import { caseWhereVisibleTo } from "../cases/case-visibility";
import { recomputeDueDates } from "../cases/recompute-due-dates";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { nextReference } from "../referrals/record-prap-referral";
import { UseCaseError } from "../use-case-error";
import { refuseFutureDate } from "../refuse-business-date";
import { requireOpenSite } from "../sites/require-open-site";

type Tx = Prisma.TransactionClient;
const MAX_ATTEMPTS = 5;

export interface RecordedIntroduction {
  caseId: string;
  reference: string;
}

/**
 * Duplicate submissions and a second introduction of someone already with the provider: a NINO
 * with an OPEN case in the organisation is refused (CONFLICT), naming the case when the actor may
 * see it. A closed earlier spell does not block the introduction — the first meeting asks whether
 * they have been on SES before and whether another period is appropriate (13.46).
 */
async function refuseOpenCase(tx: Tx, actor: UseCaseActor, nino: string): Promise<void> {
  const open = await tx.case.findFirst({
    where: { organisationId: actor.organisationId, claimant: { nino }, state: { notIn: [...CLOSED_STATES] } },
    select: { id: true },
  });
  if (!open) return;
  const visible = await tx.case.findFirst({ where: { AND: [{ id: open.id }, caseWhereVisibleTo(actor)] }, select: { reference: true } });
  const message = `National Insurance number ${formatNino(nino)} already has an open case${visible ? ` (${visible.reference})` : ""}: they cannot be introduced again while it is open`;
  throw new UseCaseError("CONFLICT", message, { nino: message });
}

async function createIntroduction(tx: Tx, actor: UseCaseActor, input: SroIntroductionInput, now: Date): Promise<RecordedIntroduction> {
  // Nothing unique in the schema stops two introductions of one NINO (unlike a purchase order), so
  // two submissions of the same person queue here, per organisation and NINO, until the first commits.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sro-introduction:${actor.organisationId}:${input.nino}`}))`;
  await refuseOpenCase(tx, actor, input.nino);
  const ruleset = introductionRulesetOn(input.introducedOn);
  const claimant = await tx.claimant.create({
    data: { title: input.title, forename: input.forename, surname: input.surname, nino: input.nino },
    select: { id: true },
  });
  const assignedCaseworkerId = actor.roles.includes("caseworker") ? actor.id : null;
  const reference = await nextReference(tx);
  const created = await tx.case.create({
    data: {
      reference,
      organisationId: actor.organisationId,
      siteId: input.siteId,
      claimantId: claimant.id,
      route: "sro_introduction",
      ruleset,
      // 13.44, 3.23: "introduced", not referred, until eligibility and suitability are confirmed
      state: "introduced",
      assignedCaseworkerId,
      initialAssessmentOn: isoDateToDb(input.interviewOn),
      createdById: actor.id,
    },
    select: { id: true },
  });
  const form = await tx.sessro1Form.create({
    data: {
      caseId: created.id,
      // Part 1 (13.42, 3.21)
      sroOrganisation: input.sroOrganisation,
      sroContactName: input.sroContactName,
      sroPhone: input.sroPhone,
      sroEmail: input.sroEmail,
      // Part 2 (13.42, 3.21)
      title: input.title,
      surname: input.surname,
      forename: input.forename,
      nino: input.nino,
      interviewAt: new Date(input.interviewAt),
      interviewVenue: input.interviewVenue,
      // 13.43, 3.22: the form refuses anyone on an incompatible programme, so reaching here means checked and not on one
      incompatibleProgrammeChecked: true,
      onIncompatibleProgramme: false,
    },
    select: { id: true },
  });
  await tx.contact.create({
    data: { caseId: created.id, role: "sro", name: input.sroContactName, organisation: input.sroOrganisation, phone: input.sroPhone, email: input.sroEmail },
  });
  if (assignedCaseworkerId) {
    await tx.caseAssignment.create({ data: { caseId: created.id, caseworkerId: assignedCaseworkerId, assignedById: actor.id, assignedAt: now } });
  }
  await recomputeDueDates(tx, created.id, await loadCalendar(tx));
  // Ids and codes only: the personal data stays in the claimant and form rows (LG-05).
  await recordAudit(tx, actor, {
    action: "case.created",
    entityType: "Case",
    entityId: created.id,
    caseId: created.id,
    after: {
      reference,
      route: "sro_introduction",
      ruleset,
      state: "introduced",
      siteId: input.siteId,
      sessro1FormId: form.id,
      introducedOn: input.introducedOn,
      interviewAt: input.interviewAt,
      incompatibleProgrammeChecked: true,
      assignedCaseworkerId,
    },
  });
  return { caseId: created.id, reference };
}

/**
 * The SRO's introductory phone call (13.41–13.43, 3.20–3.22): SESSRO1 Parts 1 and 2, the agreed
 * interview, and the incompatible-programme check, as a new case "introduced" (13.44) with its
 * claimant, form, SRO contact, assignment, due dates and audit row — in ONE transaction. A
 * concurrent double submit loses the race for the case reference, is retried, and then meets the
 * first one's open case (CONFLICT), so it never makes a second case.
 */
export async function recordSroIntroduction(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: SroIntroductionInput,
  now: Date = new Date(),
): Promise<RecordedIntroduction> {
  assertCan(actor, "create:referral:any");
  refuseFutureDate("introducedOn", "The date of the phone call", input.introducedOn, todayInLondon(now));
  await requireOpenSite(prisma, actor, input.siteId);
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => createIntroduction(tx, actor, input, now));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new UseCaseError("CONFLICT", "The introduction could not be recorded because others were recording cases at the same time. Submit it again.");
      }
    }
  }
}
