import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { CreateScrCaseInput } from "@/lib/domain/forms/scr-forms";
import { scrMarking, scrRulesetFor } from "@/lib/domain/scr/sl2";
import { recordAudit } from "../audit/record-audit";
import { loadCalendar } from "../reference/load-calendar";
import { recomputeDueDates } from "../cases/recompute-due-dates";
import { assertCan, type UseCaseActor } from "../assert-can";
import { isUniqueViolation } from "../prisma-errors";
import { nextReference } from "../referrals/record-prap-referral";
import { UseCaseError } from "../use-case-error";
import { refuseFutureDate } from "../refuse-business-date";
import { requireOpenSite } from "../sites/require-open-site";

/**
 * A Special Customer Record referred clerically on SL2 becomes a case (domain.md route 4;
 * 13.52–13.54, 3.30–3.31). Only a nominated officer may do this (13.77, 3.43).
 *
 * What is written, in ONE transaction with its audit row (LG-02):
 * - the claimant, as far as SL2 page 1 gives them (names, and NINO and telephone when given);
 * - the case: route scr_clerical, restriction tier scr, state referred, held by the nominated
 *   officer who recorded it; the SL2 received date is the referral date, because the
 *   20-working-day start clock runs from it (domain.md "Decisions"), and the receipt date;
 * - the Sl2Form row (receivedOn);
 * - the JCP nominated officer who sent it, as the case's counterparty (13.54);
 * - NO PrapReferral: there is nothing to acknowledge or accept in PRaP (13.53, 13.74, 3.31, 3.40).
 *
 * The ruleset follows the date the SL2 arrived (lib/domain/scr/sl2.ts scrRulesetFor).
 *
 * Double submission: the form carries a submission id rendered with the page, and the case is
 * created with that id. The same post again (a double click, a resubmitted page) finds the case
 * it already created and returns it; an id used for anything else is refused.
 */

const MAX_ATTEMPTS = 5;

export interface CreatedScrCase {
  caseId: string;
  reference: string;
}

type Tx = Prisma.TransactionClient;

/** The case this submission already created, if any (idempotent replay). */
async function alreadyCreated(tx: Tx, actor: UseCaseActor, submissionId: string): Promise<CreatedScrCase | null> {
  const existing = await tx.case.findUnique({
    where: { id: submissionId },
    select: { id: true, reference: true, createdById: true, organisationId: true, restrictionTier: true },
  });
  if (!existing) return null;
  if (existing.createdById === actor.id && existing.organisationId === actor.organisationId && existing.restrictionTier === "scr") {
    return { caseId: existing.id, reference: existing.reference };
  }
  throw new UseCaseError("CONFLICT", "This form has already been used. Go back to Restricted cases and start again.");
}

async function createEverything(tx: Tx, actor: UseCaseActor, input: CreateScrCaseInput, now: Date): Promise<CreatedScrCase> {
  const replay = await alreadyCreated(tx, actor, input.submissionId);
  if (replay) return replay;

  const ruleset = scrRulesetFor(input.receivedOn);
  const claimant = await tx.claimant.create({
    data: { title: input.title, forename: input.forename, surname: input.surname, nino: input.nino, telephone: input.telephone },
    select: { id: true },
  });
  const reference = await nextReference(tx);
  const receivedOn = isoDateToDb(input.receivedOn);
  const created = await tx.case.create({
    data: {
      id: input.submissionId,
      reference,
      organisationId: actor.organisationId,
      siteId: input.siteId,
      claimantId: claimant.id,
      route: "scr_clerical",
      ruleset,
      state: "referred",
      restrictionTier: "scr",
      // Only nominated officers handle SCR cases (13.77, 3.43): the one who recorded it holds it.
      assignedCaseworkerId: actor.id,
      referralDate: receivedOn,
      referralReceivedOn: receivedOn,
      createdById: actor.id,
      createdAt: now,
    },
    select: { id: true },
  });
  const sl2 = await tx.sl2Form.create({ data: { caseId: created.id, receivedOn }, select: { id: true } });
  await tx.contact.create({
    data: {
      caseId: created.id,
      role: "jcp_nominated_officer",
      name: input.jcpOfficerName,
      organisation: input.jcpOfficerOffice,
      phone: input.jcpOfficerPhone,
      email: input.jcpOfficerEmail,
    },
  });
  await tx.caseAssignment.create({ data: { caseId: created.id, caseworkerId: actor.id, assignedById: actor.id, assignedAt: now } });
  await recomputeDueDates(tx, created.id, await loadCalendar(tx));

  // Ids and codes only: the personal data stays in the claimant row (13.78, 3.44, LG-05).
  await recordAudit(tx, actor, {
    action: "case.created",
    entityType: "Case",
    entityId: created.id,
    caseId: created.id,
    after: {
      reference,
      route: "scr_clerical",
      ruleset,
      state: "referred",
      siteId: input.siteId,
      restrictionTier: "scr",
      sl2FormId: sl2.id,
      sl2ReceivedOn: input.receivedOn,
      marking: scrMarking(ruleset),
      assignedCaseworkerId: actor.id,
    },
  });
  return { caseId: created.id, reference };
}

export async function createScrCase(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: CreateScrCaseInput,
  clock: { today: IsoDate; now: Date } = { today: todayInLondon(new Date()), now: new Date() },
): Promise<CreatedScrCase> {
  assertCan(actor, "update:restricted-case:any");
  refuseFutureDate("receivedOn", "Date the SL2 was received", input.receivedOn, clock.today);
  await requireOpenSite(prisma, actor, input.siteId);

  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => createEverything(tx, actor, input, clock.now));
    } catch (error) {
      // A reference taken by a concurrent transaction, or the other half of a double submit:
      // start again; the replay check then finds the case the other half created.
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new UseCaseError("CONFLICT", "The SL2 could not be recorded because others were recording cases at the same time. Submit it again.");
      }
    }
  }
}
