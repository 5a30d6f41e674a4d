import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { CreateScrCaseInput } from "@/lib/domain/forms/scr-forms";
import { scrMarking, scrRulesetFor } from "@/lib/domain/scr/sl2";
import { assertCan, type UseCaseActor } from "../assert-can";
import { openCase, type OpenedCase } from "../cases/open-case";
import { refuseFutureDate } from "../refuse-business-date";
import { requireOpenSite } from "../sites/require-open-site";
import { UseCaseError } from "../use-case-error";

/**
 * A Special Customer Record referred clerically on SL2 becomes a case (docs/rules/routes.md,
 * route 4; 13.52–13.54, 3.30–3.31). Only a nominated officer may do this (13.77, 3.43).
 *
 * What is written, in ONE transaction with its audit row (openCase; LG-02):
 * - the claimant, as far as SL2 page 1 gives them (names, and NINO and telephone when given);
 * - the case: route scr_clerical, restriction tier scr, state referred, held by the nominated
 *   officer who recorded it; the SL2 received date is the referral date, because the
 *   20-working-day start clock runs from it (docs/rules/decisions.md), and the receipt date;
 * - the Sl2Form row (receivedOn);
 * - the JCP nominated officer who sent it, as the case's counterparty (13.54);
 * - NO PrapReferral: there is nothing to acknowledge or accept in PRaP (13.53, 13.74, 3.31, 3.40).
 *
 * The ruleset follows the date the SL2 arrived (lib/domain/scr/sl2.ts scrRulesetFor).
 *
 * The reference is the next of the SCR series, SCR-000001, … (lib/domain/case-reference.ts), so
 * the ordinary numbering has no gap where this case is.
 *
 * Double submission: the form carries a submission id rendered with the page, and the case is
 * created with that id. The same post again (a double click, a resubmitted page) finds the case
 * it already created and returns it; an id used for anything else is refused.
 */

export type CreatedScrCase = OpenedCase;

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

export async function createScrCase(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: CreateScrCaseInput,
  clock: { today: IsoDate; now: Date } = { today: todayInLondon(new Date()), now: new Date() },
): Promise<CreatedScrCase> {
  assertCan(actor, "update:restricted-case:any");
  refuseFutureDate("receivedOn", "Date the SL2 was received", input.receivedOn, clock.today);
  await requireOpenSite(prisma, actor, input.siteId);
  const { now } = clock;
  return prisma.$transaction(async (tx) => {
    // The same post twice at once: the second waits here for the first, then replays its case.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scr-case:${input.submissionId}`}))`;
    const replay = await alreadyCreated(tx, actor, input.submissionId);
    if (replay) return replay;
    const ruleset = scrRulesetFor(input.receivedOn);
    const receivedOn = isoDateToDb(input.receivedOn);
    return openCase(
      tx,
      actor,
      {
        series: "scr",
        claimant: { title: input.title, forename: input.forename, surname: input.surname, nino: input.nino, telephone: input.telephone },
        case: {
          id: input.submissionId,
          siteId: input.siteId,
          route: "scr_clerical",
          ruleset,
          state: "referred",
          restrictionTier: "scr",
          referralDate: receivedOn,
          referralReceivedOn: receivedOn,
          createdAt: now,
        },
        counterparty: {
          role: "jcp_nominated_officer",
          name: input.jcpOfficerName,
          organisation: input.jcpOfficerOffice,
          phone: input.jcpOfficerPhone,
          email: input.jcpOfficerEmail,
        },
        // Only nominated officers handle SCR cases (13.77, 3.43): the one who recorded it holds it.
        assignedCaseworkerId: actor.id,
        attach: async (tx, caseId) => {
          const sl2 = await tx.sl2Form.create({ data: { caseId, receivedOn }, select: { id: true } });
          // Ids and codes only: the personal data stays in the claimant row (13.78, 3.44, LG-05).
          return { restrictionTier: "scr", sl2FormId: sl2.id, sl2ReceivedOn: input.receivedOn, marking: scrMarking(ruleset) };
        },
      },
      now,
    );
  });
}
