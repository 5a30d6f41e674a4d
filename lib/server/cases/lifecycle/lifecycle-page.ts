import type { IsoDate } from "@/lib/calendar/iso-date";
import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { isLifecycleFormAction, type LifecycleFormAction } from "@/lib/domain/forms/lifecycle-forms";
import {
  availableActions,
  checkTransition,
  type LifecycleInputs,
  type LifecycleSnapshot,
  type TransitionCheck,
} from "@/lib/domain/referral-lifecycle";
import { recordRestrictedRead } from "../../audit/record-audit";
import { recordSecurityEvent } from "../../audit/record-security-event";
import { assertCan, type UseCaseActor } from "../../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../../use-case-error";
import { caseWhereVisibleTo } from "../case-visibility";
import { loadLifecycleSnapshot, loadUnableToContactThreshold } from "./lifecycle-snapshot";

/** What an action page needs about the case: a DTO, never a Prisma row (AC-04). */
export interface LifecycleCase {
  id: string;
  reference: string;
  version: number;
  claimantName: string;
  snapshot: LifecycleSnapshot;
  /** The actions the state machine offers now that have a page here. */
  actions: LifecycleFormAction[];
  startedOn: IsoDate | null;
  /** Early-leaving reasons from the administrator-editable list (13.36, 3.16). */
  earlyLeavingReasons: { code: string; label: string }[];
}

/**
 * Load a case for a lifecycle page or the case page's section, through the visibility rule (AC-01).
 * `restrictedRead` names the audit action an action page writes when the case is SCR (LG-01); the
 * case page's section passes null, because the case page has already written its read.
 */
export async function getLifecycleCase(
  prisma: PrismaClient,
  actor: UseCaseActor,
  caseId: string,
  restrictedRead: string | null = null,
): Promise<LifecycleCase> {
  assertCan(actor, "read:case:any");
  const row = /^[0-9a-f-]{36}$/i.test(caseId)
    ? await prisma.case.findFirst({
        where: { AND: [{ id: caseId }, caseWhereVisibleTo(actor)] },
        select: {
          id: true,
          reference: true,
          version: true,
          restrictionTier: true,
          startedOn: true,
          claimant: { select: { title: true, forename: true, surname: true } },
        },
      })
    : null;
  if (!row) {
    await recordSecurityEvent(prisma, actor, { action: "case_not_found", entityType: "Case", entityId: caseId.slice(0, 100) });
    throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  }
  if (restrictedRead) await recordRestrictedRead(prisma, actor, row, restrictedRead);
  const snapshot = await loadLifecycleSnapshot(prisma, row.id);
  const reasons = await prisma.reason.findMany({
    where: { kind: "early_leaving", active: true },
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
    select: { code: true, label: true },
  });
  const { title, forename, surname } = row.claimant;
  return {
    id: row.id,
    reference: row.reference,
    version: row.version,
    claimantName: [title, forename, surname].filter(Boolean).join(" "),
    snapshot,
    actions: availableActions(snapshot).filter(isLifecycleFormAction),
    startedOn: isoDateFromDb(row.startedOn),
    earlyLeavingReasons: reasons,
  };
}

/**
 * The check-your-answers step: the state machine's verdict on these values for the case as it is
 * now, without writing anything. The server asks again inside its transaction on submission.
 */
export async function previewLifecycleAction<A extends LifecycleFormAction>(
  prisma: PrismaClient,
  lifecycleCase: LifecycleCase,
  action: A,
  input: LifecycleInputs[A],
  clock: { today: IsoDate; now: Date },
): Promise<TransitionCheck> {
  const threshold = await loadUnableToContactThreshold(prisma);
  return checkTransition(lifecycleCase.snapshot, action, input, { ...clock, unableToContactThreshold: threshold });
}
