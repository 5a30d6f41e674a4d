import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { isClosedState } from "@/lib/domain/case-states";
import { rejectionReasonCode } from "@/lib/domain/forms/lifecycle-forms";
import {
  checkTransition,
  type LifecycleAction,
  type LifecycleInputs,
  type TransitionAllowed,
} from "@/lib/domain/referral-lifecycle";
import { loadCalendar } from "../../calendar/load-calendar";
import { assertCan, type UseCaseActor } from "../../assert-can";
import { STALE_MESSAGE, UseCaseError } from "../../use-case-error";
import { claimCaseVersion, findCaseForActor } from "../case-access";
import { recomputeDueDates } from "../recompute-due-dates";
import { loadLifecycleSnapshot, loadUnableToContactThreshold, PROVISIONS_FOR_ROLE } from "./lifecycle-snapshot";
import { recordTransitionAudit } from "./record-transition-audit";

export interface LifecycleRequest<A extends LifecycleAction = LifecycleAction> {
  caseId: string;
  /** The case version the user's form was rendered with. */
  version: number;
  action: A;
  input: LifecycleInputs[A];
}

export interface LifecycleClock {
  today: IsoDate;
  now: Date;
}

export interface LifecycleResult {
  from: string;
  to: string;
  /** The state machine's warnings (e.g. a late cancellation); also in the audit row's reason. */
  warnings: string[];
}

type Tx = Prisma.TransactionClient;

/** Template versions of the exit/outcome forms: the UC452 (Ch13) or the Customer Exit Tracker (Ch3, 3.16). */
function templateFor(ruleset: string): string {
  return ruleset === "ses_2017" ? "customer-exit-tracker-2017" : "uc452-2016";
}

async function reasonIdFor(tx: Tx, kind: "rejection" | "cancellation" | "not_suitable" | "early_leaving", code: string, field?: string) {
  const reason = await tx.reason.findFirst({ where: { kind, code, active: true }, select: { id: true, label: true } });
  if (!reason) {
    const message = kind === "early_leaving" ? "Select the reason they left early" : "That reason is not in the list: ask an administrator";
    throw new UseCaseError("INVALID", message, field ? { [field]: message } : {});
  }
  return reason;
}

async function writeFormPart(
  tx: Tx,
  actor: UseCaseActor,
  caseId: string,
  part: "part_6" | "part_7" | "part_8a" | "part_8b",
  templateVersion: string,
  fields: Prisma.InputJsonObject,
  now: Date,
) {
  await tx.uc452Form.upsert({
    where: { caseId_part: { caseId, part } },
    create: { caseId, part, templateVersion, fields, completedAt: now, completedById: actor.id },
    update: { templateVersion, fields, completedAt: now, completedById: actor.id, version: { increment: 1 } },
  });
}

/**
 * One lifecycle step (docs/rules/states.md), in one
 * transaction: the visibility rule (NOT_FOUND), the version the form was rendered with (STALE —
 * so a double submission writes nothing the second time), the state machine's verdict on the
 * state just read (INVALID with its message), then the case, its PRaP referral, the Initial
 * Assessment and form parts, the due dates and one audit row.
 */
export async function applyLifecycleAction(
  prisma: PrismaClient,
  actor: UseCaseActor,
  request: LifecycleRequest,
  clock: LifecycleClock = { today: todayInLondon(new Date()), now: new Date() },
): Promise<LifecycleResult> {
  assertCan(actor, "update:case:any");
  return prisma.$transaction(async (tx) => {
    const found = await findCaseForActor(tx, actor, request.caseId);
    if (found.version !== request.version) throw new UseCaseError("STALE", STALE_MESSAGE);
    const snapshot = await loadLifecycleSnapshot(tx, found.id);
    const threshold = await loadUnableToContactThreshold(tx);
    const check = checkTransition(snapshot, request.action, request.input, { ...clock, unableToContactThreshold: threshold });
    if (!check.ok) {
      throw new UseCaseError("INVALID", check.message, check.field ? { [check.field]: check.message } : {});
    }

    const { now } = clock;
    const caseRow = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { ruleset: true, organisationId: true } });
    const template = templateFor(caseRow.ruleset);
    const data: Prisma.CaseUncheckedUpdateManyInput = { state: check.to };
    const details: Record<string, Prisma.InputJsonValue> = {};
    const afterWrite: ((tx: Tx) => Promise<void>)[] = [];
    if (isClosedState(check.to)) data.closedAt = now;

    const command = { action: request.action, input: request.input } as { [A in LifecycleAction]: { action: A; input: LifecycleInputs[A] } }[LifecycleAction];
    switch (command.action) {
      case "book_initial_assessment": {
        data.initialAssessmentOn = isoDateToDb(command.input.assessmentOn);
        details.assessmentOn = command.input.assessmentOn;
        break;
      }
      case "record_assessment_recommended": {
        const { heldOn, strand, anticipatedStartOn, anticipatedEndOn } = command.input;
        Object.assign(data, {
          firstMetOn: isoDateToDb(heldOn),
          strand,
          anticipatedStartOn: isoDateToDb(anticipatedStartOn),
          anticipatedEndOn: isoDateToDb(anticipatedEndOn),
        });
        Object.assign(details, { heldOn, strand, anticipatedStartOn, anticipatedEndOn });
        const assessment = {
          heldOn: isoDateToDb(heldOn),
          outcome: "recommended" as const,
          strand,
          anticipatedStartOn: isoDateToDb(anticipatedStartOn),
          anticipatedEndOn: isoDateToDb(anticipatedEndOn),
          spocPhonedOn: null,
          recordedById: actor.id,
        };
        afterWrite.push(async (t) => {
          await t.initialAssessment.upsert({ where: { caseId: found.id }, create: { caseId: found.id, ...assessment }, update: assessment });
          // UC452 part 6 (13.21): strand and anticipated dates.
          await writeFormPart(t, actor, found.id, "part_6", template, { strand, anticipatedStartOn, anticipatedEndOn }, now);
        });
        break;
      }
      case "record_assessment_not_suitable": {
        const { heldOn, spocPhonedOn } = command.input;
        const reason = await reasonIdFor(tx, "not_suitable", "discussed_with_spoc");
        Object.assign(data, { firstMetOn: isoDateToDb(heldOn), closureReasonId: reason.id });
        Object.assign(details, { heldOn, spocPhonedOn, reason: reason.label });
        const assessment = {
          heldOn: isoDateToDb(heldOn),
          outcome: "not_recommended" as const,
          strand: null,
          anticipatedStartOn: null,
          anticipatedEndOn: null,
          spocPhonedOn: isoDateToDb(spocPhonedOn),
          recordedById: actor.id,
        };
        const organisation = await tx.organisation.findUniqueOrThrow({
          where: { id: caseRow.organisationId },
          select: { name: true, contactPhone: true, contactEmail: true },
        });
        afterWrite.push(async (t) => {
          await t.initialAssessment.upsert({ where: { caseId: found.id }, create: { caseId: found.id, ...assessment }, update: assessment });
          // UC452 part 7 (13.22, 13.31): the provider's contact details only — never the reason.
          await writeFormPart(
            t,
            actor,
            found.id,
            "part_7",
            template,
            { providerName: organisation.name, providerPhone: organisation.contactPhone, providerEmail: organisation.contactEmail },
            now,
          );
        });
        break;
      }
      case "record_start": {
        data.startedOn = isoDateToDb(command.input.startedOn);
        details.startedOn = command.input.startedOn;
        break;
      }
      case "record_completion": {
        const { endedOn } = command.input;
        data.endedOn = isoDateToDb(endedOn);
        details.endedOn = endedOn;
        // UC452 part 8b / Customer Exit Tracker (13.37, 3.16): the actual end date.
        afterWrite.push((t) => writeFormPart(t, actor, found.id, "part_8b", template, { actualEndOn: endedOn }, now));
        break;
      }
      case "record_early_leaving": {
        const { leftOn, reasonCode } = command.input;
        const reason = await reasonIdFor(tx, "early_leaving", reasonCode, "reasonCode");
        Object.assign(data, { endedOn: isoDateToDb(leftOn), closureReasonId: reason.id });
        Object.assign(details, { leftOn, reason: reason.label });
        // UC452 part 8a / Customer Exit Tracker (13.36, 3.16): the leaving date and the reason.
        afterWrite.push((t) => writeFormPart(t, actor, found.id, "part_8a", template, { leavingOn: leftOn, reason: reason.label }, now));
        break;
      }
      case "reject": {
        const reason = await reasonIdFor(tx, "rejection", rejectionReasonCode(command.input), "reason");
        data.closureReasonId = reason.id;
        details.reason = reason.label;
        if (command.input.reason === "customer_no_longer_suitable") {
          details.workCoachAgreed = command.input.workCoachAgreed;
          details.workCoachContactedOn = command.input.workCoachContactedOn;
        }
        break;
      }
      case "cancel_did_not_start":
      case "cancel_after_back_out": {
        const reason = await reasonIdFor(tx, "cancellation", "did_not_start");
        Object.assign(data, { closureReasonId: reason.id, cancelledAt: now });
        details.reason = reason.label;
        break;
      }
      case "record_back_out_email": {
        data.backOutEmailAt = new Date(command.input.receivedAt);
        details.backOutEmailAt = data.backOutEmailAt.toISOString();
        break;
      }
      default:
        break;
    }

    // Everything checked: claim the version (STALE if someone got there first), then write.
    await claimCaseVersion(tx, found.id, request.version, data);
    for (const write of afterWrite) await write(tx);
    const prap = await updatePrapReferral(tx, found.id, check, now);
    await recomputeDueDates(tx, found.id, await loadCalendar(tx));
    await recordTransitionAudit(tx, actor, found.id, check, { after: { ...details, ...(prap ? { prapReferral: prap } : {}) } });
    return { from: check.from, to: check.to, warnings: check.warnings };
  });
}

/** The PRaP referral the transition moves (docs/rules/states.md, "PRaP referral transitions"), if any. */
async function updatePrapReferral(tx: Tx, caseId: string, check: TransitionAllowed, now: Date) {
  if (check.prapReferral === null || check.prapReferralStatus === null) return null;
  const referral = await tx.prapReferral.findFirst({
    where: { caseId, provision: { in: [...PROVISIONS_FOR_ROLE[check.prapReferral]] } },
    orderBy: [{ referralDate: "desc" }, { receivedAt: "desc" }],
    select: { id: true, purchaseOrderNumber: true, status: true },
  });
  if (!referral) {
    throw new UseCaseError("INVALID", "The PRaP referral this step changes is not recorded on the case: record it first");
  }
  await tx.prapReferral.update({
    where: { id: referral.id },
    data: { status: check.prapReferralStatus, reason: check.prapReason, statusChangedAt: now, version: { increment: 1 } },
  });
  return { purchaseOrderNumber: referral.purchaseOrderNumber, before: referral.status, after: check.prapReferralStatus, reason: check.prapReason };
}
