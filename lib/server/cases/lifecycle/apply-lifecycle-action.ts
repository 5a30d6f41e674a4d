import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { isClosedState } from "@/lib/domain/case-states";
import { businessEventOf } from "@/lib/domain/lifecycle/business-event";
import { checkTransition, type TransitionAllowed } from "@/lib/domain/lifecycle/check-transition";
import type { BusinessDate } from "@/lib/domain/lifecycle/step-form";
import type { AssessmentRecord, CaseChange, StepWrites } from "@/lib/domain/lifecycle/step";
import { stepFor, type LifecycleAction, type LifecycleInputs } from "@/lib/domain/lifecycle/steps";
import { loadCalendar } from "../../reference/load-calendar";
import { assertCan, type UseCaseActor } from "../../assert-can";
import { STALE_MESSAGE, UseCaseError } from "../../use-case-error";
import { findCaseForActor } from "../case-access";
import { claimCaseVersion } from "../claim-case-version";
import { recomputeDueDates } from "../recompute-due-dates";
import { loadLifecycleSnapshot, loadUnableToContactThreshold, PROVISIONS_FOR_ROLE } from "./lifecycle-snapshot";
import { recordTransitionAudit } from "./record-transition-audit";
import { snapshotForUndo } from "../../corrections/undo-snapshot";

export interface LifecycleRequest<A extends LifecycleAction = LifecycleAction> {
  caseId: string;
  /** The case version the user's form was rendered with. */
  version: number;
  action: A;
  input: LifecycleInputs[A];
  /** When the event happened, as entered on the step's form (docs/rules/decisions.md: business dates); absent means now. */
  happened?: BusinessDate | null;
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

/** The closure reason the step names, from the administrator-editable list; INVALID when it is not there. */
async function closureReasonFor<Input>(tx: Tx, reason: NonNullable<StepWrites<Input>["closureReason"]>, input: Input) {
  const found = await tx.reason.findFirst({ where: { kind: reason.kind, code: reason.code(input), active: true }, select: { id: true, label: true } });
  if (!found) {
    const message = reason.missing ?? "That reason is not in the list: ask an administrator";
    throw new UseCaseError("INVALID", message, reason.field ? { [reason.field]: message } : {});
  }
  return found;
}

function caseColumns(change: CaseChange): Prisma.CaseUncheckedUpdateManyInput {
  const { dates = {}, ...rest } = change;
  return { ...rest, ...Object.fromEntries(Object.entries(dates).map(([column, date]) => [column, isoDateToDb(date)])) };
}

function assessmentColumns(record: AssessmentRecord, recordedById: string) {
  return {
    ...record,
    heldOn: isoDateToDb(record.heldOn),
    anticipatedStartOn: isoDateToDb(record.anticipatedStartOn),
    anticipatedEndOn: isoDateToDb(record.anticipatedEndOn),
    spocPhonedOn: isoDateToDb(record.spocPhonedOn),
    recordedById,
  };
}

/** The UC452 part's fields: the step's own, or the provider's contact details only (part 7, 13.22, 13.31). */
async function formPartFields<Input>(
  tx: Tx,
  formPart: NonNullable<StepWrites<Input>["formPart"]>,
  input: Input,
  reasonLabel: string | null,
  organisationId: string,
): Promise<Prisma.InputJsonObject> {
  if (formPart.fields !== "provider_contact") return formPart.fields(input, reasonLabel);
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { name: true, contactPhone: true, contactEmail: true },
  });
  return { providerName: organisation.name, providerPhone: organisation.contactPhone, providerEmail: organisation.contactEmail };
}

/**
 * One lifecycle step (docs/rules/states.md "Lifecycle", "PRaP referral transitions"), in one
 * transaction: the visibility rule (NOT_FOUND), the version the form was rendered with (STALE —
 * so a double submission writes nothing the second time), the state machine's verdict on the
 * state just read (INVALID with its message), then what the step declares it writes (its
 * `page.writes`): the case, its closure reason, the Initial Assessment and the form part; then
 * its PRaP referral, the due dates and one audit row.
 */
export async function applyLifecycleAction(
  prisma: PrismaClient,
  actor: UseCaseActor,
  request: LifecycleRequest,
  clock: LifecycleClock = { today: todayInLondon(new Date()), now: new Date() },
): Promise<LifecycleResult> {
  const step = stepFor(request.action);
  assertCan(actor, step.permission);
  return prisma.$transaction(async (tx) => {
    const found = await findCaseForActor(tx, actor, request.caseId);
    if (found.version !== request.version) throw new UseCaseError("STALE", STALE_MESSAGE);
    const snapshot = await loadLifecycleSnapshot(tx, found.id);
    const threshold = await loadUnableToContactThreshold(tx);
    // The event's own business date (and time where hours count), apart from the keying time.
    const spec = step.page?.form.businessDate ?? null;
    const outcome = spec ? businessEventOf(spec, request.happened, clock, snapshot.referralDate) : null;
    if (outcome && !outcome.ok) throw new UseCaseError("INVALID", outcome.message, { [outcome.field]: outcome.message });
    const event = outcome?.ok ? outcome.event : null;
    // The step's checks see the event's instant (a PRaP cancellation is late by its entered time, 13.35, 3.15); today stays today.
    const check = checkTransition(snapshot, request.action, request.input, { ...clock, now: event?.at ?? clock.now, unableToContactThreshold: threshold });
    if (!check.ok) {
      throw new UseCaseError("INVALID", check.message, check.field ? { [check.field]: check.message } : {});
    }

    const { now } = clock;
    const { input } = request;
    const writes: StepWrites<typeof input> = step.page?.writes ?? {};
    const reason = writes.closureReason ? await closureReasonFor(tx, writes.closureReason, input) : null;
    const data: Prisma.CaseUncheckedUpdateManyInput = {
      state: check.to,
      ...(isClosedState(check.to) ? { closedAt: event?.at ?? now } : {}),
      ...(reason ? { closureReasonId: reason.id } : {}),
      ...caseColumns(writes.case?.(input, event?.at ?? now, snapshot) ?? {}),
    };
    const formPart = writes.formPart
      ? { part: writes.formPart.part, fields: await formPartFields(tx, writes.formPart, input, reason?.label ?? null, found.organisationId) }
      : null;

    // What the step changes, kept in its audit row so an administrator can undo it (docs/rules/states.md: corrections).
    const undo = await snapshotForUndo(tx, found.id, { assessment: Boolean(writes.assessment), formPart: writes.formPart?.part ?? null });
    // Everything checked: claim the version (STALE if someone got there first), then write.
    await claimCaseVersion(tx, found.id, request.version, data);
    const assessment = writes.assessment?.(input);
    if (assessment) {
      const columns = assessmentColumns(assessment, actor.id);
      await tx.initialAssessment.upsert({ where: { caseId: found.id }, create: { caseId: found.id, ...columns }, update: columns });
    }
    if (formPart) {
      const templateVersion = templateFor(snapshot.ruleset);
      // The part's completion date is the business date entered on the form, not the keying time (docs/rules/decisions.md: business dates).
      const completed = { templateVersion, fields: formPart.fields, completedAt: event?.at ?? now, completedById: actor.id };
      await tx.uc452Form.upsert({
        where: { caseId_part: { caseId: found.id, part: formPart.part } },
        create: { caseId: found.id, part: formPart.part, ...completed },
        update: { ...completed, version: { increment: 1 } },
      });
    }
    const prap = await updatePrapReferral(tx, found.id, check, event?.at ?? now);
    await recomputeDueDates(tx, found.id, await loadCalendar(tx));
    // The audit row keeps both: when it happened (business date and time) and when it was keyed.
    const happened = event ? { businessDate: event.on, businessTime: event.time, keyedAt: now.toISOString() } : {};
    const details = { ...writes.audit?.(input), ...happened, ...(reason ? { reason: reason.label } : {}), ...(prap ? { prapReferral: prap } : {}) };
    await recordTransitionAudit(tx, actor, found.id, check, { before: { undo: undo as unknown as Prisma.InputJsonValue }, after: details as Record<string, Prisma.InputJsonValue> });
    return { from: check.from, to: check.to, warnings: check.warnings };
  });
}

/** The PRaP referral the transition moves (docs/rules/states.md "PRaP referral transitions"), if any. */
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
