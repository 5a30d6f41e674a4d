import { todayInLondon } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { isClosedState } from "@/lib/domain/case-states";
import type { FirstMeetingInput } from "@/lib/domain/forms/sro-introduction-forms";
import type { LifecycleAction } from "@/lib/domain/lifecycle/steps";
import { claimCaseVersion } from "../cases/claim-case-version";
import { recomputeCaseDueDates } from "../cases/recompute-case-due-dates";
import { assertCan, type UseCaseActor } from "../assert-can";
import { UseCaseError } from "../use-case-error";
import { cite } from "@/lib/domain/lifecycle/rulesets";
import { describeEarlierSpell, earlierSpellDecisionMissing, PREVIOUS_SPELL_REASON_FIELD } from "@/lib/domain/sro/earlier-spells";
import { findEarlierSpells } from "./find-earlier-spells";
import { checkIntroductionStep, findIntroductionForActor, type SroClock } from "./introduction-step";
import { recordTransitionAudit } from "../cases/lifecycle/record-transition-audit";

const ACTION_FOR_OUTCOME = {
  accept: "accept_introduction",
  provision_full: "record_provision_full",
  not_eligible: "record_not_eligible",
} as const satisfies Record<FirstMeetingInput["outcome"], LifecycleAction>;

const SRO_OUTCOME = { accept: "accepted", provision_full: "provision_full", not_eligible: "not_eligible_or_suitable" } as const;

/**
 * The first meeting with the person introduced (13.44–13.51, 3.23–3.29): SESSRO1 Part 3
 * (eligibility, suitability, previous time on SES and whether another period is appropriate —
 * 13.46 —, other DWP programmes) and the outcome, written with the lifecycle transition in ONE
 * transaction with the version check and one audit row:
 * - accept (introduction_accepted): only when the provision is not full — where the site's
 *   capacity is recorded it is counted (lib/domain/sro/introduction.ts), not assumed (13.47);
 * - provision full (provision_full): the date the SRO was told and the reason; the site's capacity
 *   is a check, not a precondition — places free on record is a warning in the audit row;
 * - not eligible or suitable (not_eligible): the Part 4 reason from the administrator's list and
 *   as written, the date the person was told, the date the SRO was contacted to take them back if
 *   they wish, and a copy retained for the DWP Performance Manager (13.51, 3.29).
 */
export async function recordFirstMeeting(
  prisma: PrismaClient,
  actor: UseCaseActor,
  input: FirstMeetingInput,
  clock: SroClock = { today: todayInLondon(new Date()), now: new Date() },
): Promise<{ to: string }> {
  assertCan(actor, "update:case:any");
  return prisma.$transaction(async (tx) => {
    const { found, form } = await findIntroductionForActor(tx, actor, input.caseId, input.version);
    const action = ACTION_FOR_OUTCOME[input.outcome];
    const lifecycleInput =
      action === "record_not_eligible"
        ? { metOn: input.metOn, reasonCode: input.reasonCode ?? "" }
        : action === "record_provision_full"
          ? { metOn: input.metOn, reason: input.provisionFullReason ?? "" }
          : { metOn: input.metOn };
    const check = await checkIntroductionStep(tx, found.id, action, lifecycleInput as never, clock, "outcome");
    // 13.46, 3.24: an earlier SES spell on record is shown on the page; going on needs the answer
    // "been on SES before" and the reason another period is appropriate.
    const spells = input.outcome === "not_eligible" ? [] : await findEarlierSpells(tx, actor, form.nino, found.id);
    if (spells.length > 0) {
      const p = cite(["13.46", "3.24"], found.ruleset);
      if (!input.previousSes) {
        const message = `Our records show an earlier SES spell (${spells.map(describeEarlierSpell).join("; ")}): answer yes, they have been on SES before (${p})`;
        throw new UseCaseError("INVALID", message, { previousSes: message });
      }
      const missing = earlierSpellDecisionMissing(spells, input.previousSpellReason, p);
      if (missing) throw new UseCaseError("INVALID", missing, { [PREVIOUS_SPELL_REASON_FIELD]: missing });
    }

    const data: Prisma.CaseUncheckedUpdateManyInput = { state: check.to, firstMetOn: isoDateToDb(input.metOn) };
    if (isClosedState(check.to)) data.closedAt = clock.now;
    let reasonLabel: string | null = null;
    if (input.outcome === "not_eligible") {
      const reason = await tx.reason.findFirst({ where: { kind: "not_eligible", code: input.reasonCode ?? "", active: true }, select: { id: true, label: true } });
      if (!reason) throw new UseCaseError("INVALID", "Select the reason they were not accepted (SESSRO1 Part 4)", { reasonCode: "Select the reason they were not accepted (SESSRO1 Part 4)" });
      data.closureReasonId = reason.id;
      reasonLabel = reason.label;
    }

    await claimCaseVersion(tx, found.id, input.version, data);
    const notEligible = input.outcome === "not_eligible";
    await tx.sessro1Form.update({
      where: { id: form.id },
      data: {
        eligible: input.eligible,
        suitable: input.suitable,
        previousSes: input.previousSes,
        previousSesAppropriate: input.previousSes ? input.previousSesAppropriate : null,
        otherDwpProgrammes: input.otherDwpProgrammes,
        firstMetOn: isoDateToDb(input.metOn),
        outcome: SRO_OUTCOME[input.outcome],
        part4Reason: notEligible ? input.part4Reason : null,
        claimantToldOn: notEligible ? isoDateToDb(input.claimantToldOn) : null,
        // Provision full: the SRO told; not eligible: the SRO contacted to take them back, if they wish (13.51)
        sroContactedOn: isoDateToDb(input.outcome === "provision_full" ? input.sroToldOn : notEligible ? input.sroContactedOn : null),
        copyRetainedForInspection: notEligible && input.copyRetainedForInspection,
        provisionFullReason: input.outcome === "provision_full" ? input.provisionFullReason : null,
        ...(spells.length > 0 ? { previousSpellReason: input.previousSpellReason } : {}),
        version: { increment: 1 },
      },
    });
    await recomputeCaseDueDates(tx, found.id);
    await recordTransitionAudit(tx, actor, found.id, check, {
      after: {
        metOn: input.metOn,
        sessro1FormId: form.id,
        eligible: input.eligible,
        suitable: input.suitable,
        previousSes: input.previousSes,
        ...(reasonLabel ? { reason: reasonLabel, copyRetainedForInspection: true } : {}),
        ...(input.outcome === "provision_full" ? { provisionFullReason: input.provisionFullReason ?? "" } : {}),
        ...(spells.length > 0 ? { earlierSpells: spells.map((spell) => spell.reference), previousSpellReason: input.previousSpellReason ?? "" } : {}),
      },
    });
    return { to: check.to };
  });
}
