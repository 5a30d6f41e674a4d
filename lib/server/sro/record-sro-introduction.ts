import { todayInLondon } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { CLOSED_STATES } from "@/lib/domain/case-states";
import { INCOMPATIBLE_PROGRAMME_REASON_CODE, type SroIntroductionInput } from "@/lib/domain/forms/sro-introduction-forms";
import { formatNino } from "@/lib/domain/identifiers";
import { cite } from "@/lib/domain/lifecycle/rulesets";
import { earlierSpellDecisionMissing, PREVIOUS_SPELL_REASON_FIELD } from "@/lib/domain/sro/earlier-spells";
import { introductionRulesetOn } from "@/lib/domain/sro/introduction";
import { assertCan, type UseCaseActor } from "../assert-can";
import { openCase, type OpenedCase } from "../cases/open-case";
import { seenBy } from "../referrals/prap-referral-rules";
import { findHiddenScrCase } from "../scr/find-hidden-scr-case";
import { raiseScrDuplicateAlert } from "../scr/raise-scr-duplicate-alert";
import { refuseFutureDate } from "../refuse-business-date";
import { requireOpenSite } from "../sites/require-open-site";
import { UseCaseError } from "../use-case-error";
import { findEarlierSpells } from "./find-earlier-spells";

type Tx = Prisma.TransactionClient;

export type RecordedIntroduction = OpenedCase & {
  /** Closed at once as not eligible: the person is on an incompatible programme (13.43, 3.22). */
  closedNotEligible: boolean;
  /** 13.45: another DWP programme was named; the caseworker is warned to check it at the first meeting. */
  warnings: string[];
};

/**
 * Duplicate submissions and a second introduction of someone already with the provider: a NINO
 * with an OPEN case in the organisation is refused (CONFLICT), naming the case when the actor may
 * see it. A closed earlier spell does not block the introduction — the first meeting asks whether
 * they have been on SES before and whether another period is appropriate (13.46).
 *
 * Only cases the actor may see (or recorded themselves) count: an open SCR case is invisible to a caseworker, so its NINO
 * behaves exactly as an unknown one (docs/security.md AC-02); the introduction opens restricted
 * and the nominated officers are alerted instead (find-hidden-scr-case.ts).
 */
async function refuseOpenCase(tx: Tx, actor: UseCaseActor, nino: string): Promise<void> {
  const open = await tx.case.findFirst({
    where: { AND: [seenBy(actor), { claimant: { nino }, state: { notIn: [...CLOSED_STATES] } }] },
    select: { id: true, reference: true },
  });
  if (!open) return;
  const reference = open.reference;
  const message = `National Insurance number ${formatNino(nino)} already has an open case${reference ? ` (${reference})` : ""}: they cannot be introduced again while it is open`;
  throw new UseCaseError("CONFLICT", message, { nino: message });
}

/**
 * The SRO's introductory phone call (13.41–13.43, 3.20–3.22): SESSRO1 Parts 1 and 2, the agreed
 * interview, and the incompatible-programme check, as a new case "introduced" (13.44) with its
 * claimant, form, SRO contact, assignment, due dates and audit row — in ONE transaction
 * (openCase). A concurrent double submit waits for the first one and then meets its open case
 * (CONFLICT), so it never makes a second case.
 *
 * Without dead ends (docs/decisions/0014-sro-introductions-without-dead-ends.md):
 * - an earlier SES spell with the same NINO that the actor may see is shown, with its dates and
 *   outcome, and the call is recorded only with a reason another period is appropriate (13.46, 3.24);
 * - another DWP programme named warns (13.45) and is kept on the SESSRO1;
 * - a person on an incompatible programme is recorded and closed at once as not eligible, with
 *   the Part 4 reason "On an incompatible DWP programme" (13.43, 3.22), instead of being refused.
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
  return prisma.$transaction(async (tx) => {
    // Nothing unique in the schema stops two introductions of one NINO (unlike a purchase order), so
    // two submissions of the same person queue here, per organisation and NINO, until the first commits.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sro-introduction:${actor.organisationId}:${input.nino}`}))`;
    await refuseOpenCase(tx, actor, input.nino);
    const hiddenScrCaseId = await findHiddenScrCase(tx, actor, input.nino);
    const ruleset = introductionRulesetOn(input.introducedOn);
    const incompatible = input.onIncompatibleProgramme;
    if (!incompatible) {
      const missing = earlierSpellDecisionMissing(await findEarlierSpells(tx, actor, input.nino), input.previousSpellReason, cite(["13.46", "3.24"], ruleset));
      if (missing) throw new UseCaseError("INVALID", missing, { [PREVIOUS_SPELL_REASON_FIELD]: missing });
    }
    const notEligible = incompatible
      ? await tx.reason.findFirst({ where: { kind: "not_eligible", code: INCOMPATIBLE_PROGRAMME_REASON_CODE, active: true }, select: { id: true, label: true } })
      : null;
    if (incompatible && !notEligible) {
      const message = "The reason “On an incompatible DWP programme” is not in the list: ask an administrator";
      throw new UseCaseError("INVALID", message, { onIncompatibleProgramme: message });
    }
    const warnings =
      !incompatible && input.otherProgrammeNamed
        ? [`They named another DWP programme, ${input.otherProgrammeNamed}: SES is probably not suitable alongside it, so check at the first meeting (${cite(["13.45", "13.46"], ruleset)})`]
        : [];
    const opened = await openCase(
      tx,
      actor,
      {
        series: "ordinary",
        claimant: { title: input.title, forename: input.forename, surname: input.surname, nino: input.nino },
        case: {
          siteId: input.siteId,
          route: "sro_introduction",
          ruleset,
          // 13.44, 3.23: "introduced", not referred, until eligibility and suitability are confirmed;
          // on an incompatible programme, not eligible from the start (13.43, 3.22)
          state: incompatible ? "not_eligible" : "introduced",
          ...(notEligible ? { closedAt: now, closureReasonId: notEligible.id } : {}),
          // A possible duplicate of an SCR case is for nominated officers alone (13.77, 3.43).
          ...(hiddenScrCaseId ? { restrictionTier: "scr" as const } : {}),
          initialAssessmentOn: isoDateToDb(input.interviewOn),
        },
        counterparty: { role: "sro", name: input.sroContactName, organisation: input.sroOrganisation, phone: input.sroPhone, email: input.sroEmail },
        assignedCaseworkerId: actor.roles.includes("caseworker") && !hiddenScrCaseId ? actor.id : null,
        attach: async (tx, caseId) => {
          if (hiddenScrCaseId) await raiseScrDuplicateAlert(tx, actor, caseId, hiddenScrCaseId);
          const form = await tx.sessro1Form.create({
            data: {
              caseId,
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
              // 13.43, 3.22: checked during the call
              incompatibleProgrammeChecked: true,
              onIncompatibleProgramme: incompatible,
              otherProgrammeNamed: input.otherProgrammeNamed,
              previousSpellReason: incompatible ? null : input.previousSpellReason,
              ...(notEligible
                ? { outcome: "not_eligible_or_suitable" as const, part4Reason: `${notEligible.label}: ${input.otherProgrammeNamed ?? ""} (13.43)` }
                : {}),
            },
            select: { id: true },
          });
          return {
            sessro1FormId: form.id,
            introducedOn: input.introducedOn,
            interviewAt: input.interviewAt,
            incompatibleProgrammeChecked: true,
            ...(notEligible ? { closedNotEligible: true, reason: notEligible.label } : {}),
            ...(input.otherProgrammeNamed ? { otherProgrammeNamed: true } : {}),
            ...(input.previousSpellReason && !incompatible ? { previousSpellDecision: true } : {}),
          };
        },
      },
      now,
    );
    return { ...opened, closedNotEligible: incompatible, warnings };
  });
}
