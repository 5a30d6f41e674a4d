import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { ReferralIntakeInput } from "@/lib/domain/forms/referral-intake";
import { lateInitialAssessmentWarning } from "@/lib/domain/warnings/deadline-warnings";
import { assertCan, type UseCaseActor } from "../assert-can";
import { recordAudit } from "../audit/record-audit";
import { UseCaseError } from "../use-case-error";
import { openCase, type OpenedCase } from "../cases/open-case";
import { findHiddenScrCase } from "../scr/find-hidden-scr-case";
import { raiseScrDuplicateAlert } from "../scr/raise-scr-duplicate-alert";
import { requireOpenSite } from "../sites/require-open-site";
import { createPrapReferral } from "./create-prap-referral";
import { offerOpenIntroduction } from "./offer-open-introduction";
import { refuseDuplicates, refuseUnjustifiedReReferral } from "./prap-referral-rules";

/**
 * Record a PRaP referral as a new case (docs/rules/routes.md, routes 1 and 2): the claimant as
 * the referral describes them (13.61–13.64, 3.33), the case, its first PRaP referral (status
 * received, 13.16, 3.06) under the ruleset its date and purchase order give — or the other one,
 * with the caseworker's reason, kept on the case with who chose it (docs/rules/rulesets.md) — the Work Coach or DEA from the Warm Handover call (13.11, 3.05), the
 * assignment, the stored due dates and the audit row — in ONE transaction (openCase). A duplicate
 * purchase order or referral ID, or a NINO already recorded without a justification, is refused
 * first (prap-referral-rules.ts).
 *
 * A NINO of an SCR case the actor may not see is answered exactly as an unknown NINO (the same
 * checks, the same outcome for the caller), but the case opens restricted to SCR, unassigned, and
 * the nominated officers are alerted to merge, keep or close it (docs/security.md AC-02;
 * docs/rules/restricted-cases.md: possible duplicates of an SCR case).
 */
export type RecordedReferral = OpenedCase;

export async function recordPrapReferral(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: ReferralIntakeInput,
  now: Date = new Date(),
): Promise<RecordedReferral> {
  assertCan(actor, "create:referral:any");
  await requireOpenSite(prisma, actor, input.referral.siteId);
  return prisma.$transaction((tx) => openPrapReferralCase(tx, actor, input, now));
}

/**
 * The intake's core, inside the caller's transaction: every check, the case and its audit rows.
 * The hand-keyed intake and the bulk import (lib/server/imports/continue-import.ts) both come
 * through here, so an imported case gets its ruleset, due dates and audit rows exactly as a
 * hand-keyed one; `origin.importId` adds the import to its timeline.
 */
export async function openPrapReferralCase(
  tx: Prisma.TransactionClient,
  actor: UseCaseActor,
  input: ReferralIntakeInput,
  now: Date,
  // The date of birth is not on the intake form; an imported row may give it (lib/domain/import/prap-import-row.ts).
  origin: { importId?: string; rowNumber?: number; dateOfBirth?: IsoDate | null } = {},
): Promise<RecordedReferral> {
  const { referral, claimant: person, handover } = input;
  const opened = await openReferralCase(tx);
  await confirmLateAssessment(tx, actor, opened.caseId, referral);
  if (origin.importId) {
    await recordAudit(tx, actor, {
      action: "case.imported",
      entityType: "ReferralImport",
      entityId: origin.importId,
      caseId: opened.caseId,
      after: { importId: origin.importId, rowNumber: origin.rowNumber ?? null },
    });
  }
  return opened;

  async function openReferralCase(tx: Prisma.TransactionClient): Promise<RecordedReferral> {
    await refuseDuplicates(tx, actor, referral);
    await offerOpenIntroduction(tx, actor, input.claimant.nino);
    const reReferralOfCaseId = await refuseUnjustifiedReReferral(tx, actor, input);
    const hiddenScrCaseId = await findHiddenScrCase(tx, actor, person.nino);
    const restrictionTier = hiddenScrCaseId ? "scr" : input.mappa ? "mappa" : "none";
    return openCase(
      tx,
      actor,
      {
        series: "ordinary",
        claimant: {
          ...person,
          ...(origin.dateOfBirth ? { dateOfBirth: isoDateToDb(origin.dateOfBirth) } : {}),
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
        case: {
          siteId: referral.siteId,
          route: referral.route,
          ruleset: referral.ruleset,
          // docs/rules/rulesets.md: the other ruleset only with a reason; the case keeps why and who.
          rulesetOverrideReason: referral.rulesetOverrideReason,
          rulesetOverriddenById: referral.rulesetOverrideReason ? actor.id : null,
          state: "referred",
          restrictionTier,
          mappaMarkedAt: input.mappa && !hiddenScrCaseId ? now : null,
          referralDate: isoDateToDb(referral.referralDate),
          referralReceivedOn: isoDateToDb(referral.referralReceivedOn),
          warmHandoverOn: isoDateToDb(referral.warmHandoverOn),
          initialAssessmentOn: isoDateToDb(referral.initialAssessmentOn),
          reReferralJustification: reReferralOfCaseId ? input.reReferralJustification : null,
        },
        counterparty: { role: handover.role, name: handover.name, organisation: handover.organisation, phone: handover.phone, email: handover.email },
        // A caseworker who records a referral holds it; anyone else leaves it for allocation. A
        // possible SCR duplicate is for nominated officers alone (13.77, 3.43).
        assignedCaseworkerId: actor.roles.includes("caseworker") && !hiddenScrCaseId ? actor.id : null,
        attach: async (tx, caseId) => {
          const prapReferral = await createPrapReferral(tx, caseId, referral, { today: todayInLondon(now), now });
          if (hiddenScrCaseId) await raiseScrDuplicateAlert(tx, actor, caseId, hiddenScrCaseId);
          return {
            restrictionTier,
            prapReferralId: prapReferral.id,
            provision: referral.provision,
            regime: referral.regime,
            reReferralOfCaseId,
            derivedRuleset: referral.derivedRuleset,
            rulesetOverrideReason: referral.rulesetOverrideReason,
            referralDate: referral.referralDate,
            referralReceivedOn: referral.referralReceivedOn,
            warmHandoverOn: referral.warmHandoverOn,
          };
        },
      },
      now,
    );
  }
}

/**
 * 13.17 (docs/rules/clocks.md: warnings before saving): an Initial Assessment agreed on the Warm
 * Handover call for after the 10-working-day meeting deadline is refused with the warning until
 * the user ticks that they know; confirmed, a second audit row keeps the warning. Read from the
 * deadline just stored, so the intake and the case page count the same working days.
 */
async function confirmLateAssessment(
  tx: Prisma.TransactionClient,
  actor: UseCaseActor,
  caseId: string,
  referral: ReferralIntakeInput["referral"],
): Promise<void> {
  if (!referral.initialAssessmentOn) return;
  const { meetDueOn } = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { meetDueOn: true } });
  const late = lateInitialAssessmentWarning(referral.initialAssessmentOn, isoDateFromDb(meetDueOn));
  if (late === null) return;
  if (!referral.confirmLateAssessment) {
    const message = `${late}. Agree an earlier date, or tick the box to record it anyway`;
    throw new UseCaseError("INVALID", message, { initialAssessmentOn: message });
  }
  await recordAudit(tx, actor, { action: "case.late_assessment_confirmed", entityType: "Case", entityId: caseId, caseId, after: { warning: late } });
}
