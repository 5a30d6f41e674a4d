import { isoDateFromDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { CASE_STATE_LABELS, type CaseState } from "@/lib/domain/case-states";
import { AMENDABLE_DATE_FIELDS, AMENDABLE_DATES, type AmendableDate } from "@/lib/domain/corrections/amend";
import { ACTION_LABELS, isLifecycleAction } from "@/lib/domain/lifecycle/steps";
import { assertCan, type UseCaseActor } from "../assert-can";
import { canAmendCases } from "@/lib/domain/permissions";
import { findVisibleCase } from "../cases/find-visible-case";
import { findLastStep } from "./find-last-step";

export interface AmendPage {
  caseId: string;
  reference: string;
  version: number;
  stateLabel: string;
  /** False for a caseworker or manager: the page says who can amend, and nothing else. */
  canAmend: boolean;
  dates: { field: AmendableDate; label: string; value: string | null }[];
  lastStep: { eventId: string; label: string; fromLabel: string; toLabel: string; at: string; undoable: boolean; whyNot: string | null } | null;
}

const stateLabel = (state: string) => CASE_STATE_LABELS[state as CaseState] ?? state;

/** The "amend with reason" page of a case (app/(signed-in)/cases/[caseId]/amend), through the visibility rule. */
export async function getAmendPage(prisma: PrismaClient, actor: UseCaseActor, caseId: string): Promise<AmendPage> {
  assertCan(actor, "read:case:any");
  const row = await findVisibleCase(prisma, actor, caseId, {
    select: { id: true, reference: true, version: true, state: true, referralDate: true, referralReceivedOn: true, startedOn: true, endedOn: true },
    restrictedRead: "case.amend_page_read",
  });
  const last = await findLastStep(prisma, row.id);
  const whyNot = !last ? null : last.to !== row.state ? "The case has moved on since this step: correct its dates instead." : last.undo ? null : "This step was recorded before steps kept what they changed: correct its dates instead.";
  return {
    caseId: row.id,
    reference: row.reference,
    version: row.version,
    stateLabel: stateLabel(row.state),
    canAmend: canAmendCases(actor.roles),
    dates: AMENDABLE_DATE_FIELDS.map((field) => ({ field, label: AMENDABLE_DATES[field], value: isoDateFromDb(row[field]) })),
    lastStep: last && {
      eventId: last.eventId,
      label: isLifecycleAction(last.action) ? ACTION_LABELS[last.action] : last.action,
      fromLabel: stateLabel(last.from),
      toLabel: stateLabel(last.to),
      at: last.at.toISOString(),
      undoable: whyNot === null,
      whyNot,
    },
  };
}
