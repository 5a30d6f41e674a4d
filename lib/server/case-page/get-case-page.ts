import type { IsoDate } from "@/lib/calendar/iso-date";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { can } from "@/lib/domain/permissions";
import { mayTakeLifecycleSteps, whatToDoNext as whatToDoNextFor, whatToDoNextLinks, type WhatToDoNextLinks } from "@/lib/domain/lifecycle/step-pages";
import { recordRestrictedRead } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { FORMS_OVERVIEW_SELECT, formsOverviewOf, type FormsOverview } from "../paper-forms/get-forms-overview";
import { SL2_VIEW_SELECT, sl2ViewOf, type Sl2View } from "../scr/get-sl2-view";
import { SESSRO1_READ_ACTION, SESSRO1_VIEW_SELECT, sessro1ViewOf, type Sessro1View } from "../sro/get-sessro1-view";
import { CASE_RESTRICTED_READ_ACTION, CASE_VIEW_SELECT, caseViewOf, type CaseView, type CaseViewParts } from "../cases/case-view";
import { findVisibleCase } from "../cases/find-visible-case";
import { LIFECYCLE_SNAPSHOT_SELECT, lifecycleSnapshotOf } from "../cases/lifecycle/lifecycle-snapshot";
import { listAssignableCaseworkers } from "../cases/list-assignable-caseworkers";
import { clockRecordFromRow } from "../cases/recompute-due-dates";
import { caseTasks, type CaseTask } from "@/lib/domain/case-tasks";
import { mayOfferTransfer } from "@/lib/domain/case-transfer";

/**
 * Everything the case page shows, from one read of the case. The page sits above the areas whose
 * sections it shows (cases, paper forms, SL2, SESSRO1), so it has a folder of its own.
 */
export interface CasePage {
  view: CaseView;
  /** The UC paper trail (UC452, UCPR1): Universal Credit cases other than SCR only (13.08, 13.12). */
  forms: FormsOverview | null;
  /** An SCR case's SL2 (13.52–13.57). */
  sl2: Sl2View | null;
  /** An SRO introduction's SESSRO1 (13.40–13.51). */
  sessro1: Sessro1View | null;
  /** "What to do next": the lifecycle steps offered now (13.25–13.27 and docs/rules/states.md); null when the user may take none, or for an SRO introduction before JCP's referral. */
  whatToDoNext: WhatToDoNextLinks | null;
  /** "What to do next" as one ordered task list: open clocks, steps, emails to send, chases (lib/domain/case-tasks.ts). */
  tasks: CaseTask[];
  /** Whether this user may move the case to another site (lib/domain/case-transfer.ts). */
  mayTransfer: boolean;
  /** Whether this user may change the claimant's contact and personal details (a MAPPA case's: nominated officers only, 13.71). */
  mayChangeCircumstances: boolean;
  /** Who the case can be assigned to; empty for a user who cannot assign. */
  caseworkers: { id: string; name: string }[];
}

/** The actor, with their primary site when the caller has it (the session's user does): otherwise it is read. */
export type CasePageActor = UseCaseActor & { siteId?: string | null };

/**
 * What a section page shows besides the case (each defaults to true): the overview shows neither
 * the timeline nor the caseworkers to choose from, so it reads neither.
 */
export interface CasePageParts extends CaseViewParts {
  /** Who the case can be assigned to (the caseworker page); without it, `caseworkers` is empty. */
  caseworkers?: boolean;
  /** The case's notes (the contact section); without them, `view.notes` is empty and they are not read. */
  notes?: boolean;
  /** The case's contacts (the forms section); without them, `view.contacts` is empty and they are not read. */
  contacts?: boolean;
  /** An SCR case's SL2 (the forms section); without it, `sl2` is null and its records are not read. */
  sl2?: boolean;
}

/** The columns of every section together; each section's part is its own select (the sites' columns merged). */
const CASE_PAGE_SELECT = {
  ...LIFECYCLE_SNAPSHOT_SELECT,
  ...FORMS_OVERVIEW_SELECT,
  ...SL2_VIEW_SELECT,
  ...SESSRO1_VIEW_SELECT,
  ...CASE_VIEW_SELECT,
  site: { select: { ...LIFECYCLE_SNAPSHOT_SELECT.site.select, ...CASE_VIEW_SELECT.site.select, ...SESSRO1_VIEW_SELECT.site.select } },
} as const satisfies Prisma.CaseSelect;

type CasePageRow = Awaited<ReturnType<typeof findVisibleCase<typeof CASE_PAGE_SELECT>>>;

/**
 * The case through the visibility rule, with the relations of the parts left out neither joined
 * nor read (each is a lateral join of its own in the one query, planned and aggregated on every
 * render: docs/decisions/0034-case-page-and-server-memory.md) and set to what "none" looks like.
 */
async function findCasePageRow(db: PrismaClient, actor: CasePageActor, caseId: string, parts: CasePageParts): Promise<CasePageRow> {
  const notes = parts.notes ?? true;
  const contacts = parts.contacts ?? true;
  const sl2 = parts.sl2 ?? true;
  const select = {
    ...CASE_PAGE_SELECT,
    notes: notes ? CASE_PAGE_SELECT.notes : false,
    contacts: contacts ? CASE_PAGE_SELECT.contacts : false,
    sl2,
    initialAssessment: sl2 ? CASE_PAGE_SELECT.initialAssessment : false,
  };
  // The same columns as CASE_PAGE_SELECT but for the relations left out, which are filled in below.
  const row = (await findVisibleCase(db, actor, caseId, { select: select as typeof CASE_PAGE_SELECT, restrictedRead: CASE_RESTRICTED_READ_ACTION })) as CasePageRow;
  return {
    ...row,
    notes: notes ? row.notes : [],
    contacts: contacts ? row.contacts : [],
    sl2: sl2 ? row.sl2 : null,
    initialAssessment: sl2 ? row.initialAssessment : null,
  };
}

/**
 * The case page: the case is found once through the visibility rule (findVisibleCase: NOT_FOUND
 * and a logged refusal for anyone who may not see it, AC-01, LG-03), with the columns every
 * section needs, and each section's view is built from that one row. A restricted case's read
 * is audited (LG-01): one row for the page and, as each section wrote before the page loaded the
 * case once, one for the SESSRO1 section when it shows.
 */
export async function getCasePage(
  db: PrismaClient,
  actor: CasePageActor,
  caseId: string,
  clock: { today: IsoDate; now: Date },
  parts: CasePageParts = {},
): Promise<CasePage> {
  assertCan(actor, "read:case:any");
  const row = await findCasePageRow(db, actor, caseId, parts);
  const view = await caseViewOf(db, actor, row, clock, { timeline: parts.timeline });
  const sessro1 = view.route === "sro_introduction" ? await sessro1ViewOf(db, row) : null;
  if (sessro1) await recordRestrictedRead(db, actor, row, SESSRO1_READ_ACTION);
  // The state machine is asked once, about the row already read. The view holds the 50 latest
  // contact attempts, newest first; no step's availability reads their count (the rejection's
  // threshold warning is checked on the step page and in the transaction, over every attempt).
  const next = mayTakeLifecycleSteps(actor.roles)
    ? whatToDoNextFor(await lifecycleSnapshotOf(db, row, row.contactAttempts.map((attempt) => attempt.outcome).reverse()), row.strand)
    : null;
  const whatToDoNext = next ? whatToDoNextLinks(actor.roles, row.id, next) : null;
  const forms = view.ruleset === "ses_2016_uc" && view.restrictionTier !== "scr" ? formsOverviewOf(row) : null;
  const tasks = caseTasks({
    caseId: row.id,
    ruleset: view.ruleset,
    state: view.state,
    startedOn: clockRecordFromRow(row).startedOn,
    clocks: view.clocks,
    next,
    roles: actor.roles,
    forms: forms && {
      uc452ReceivedOn: forms.uc452ReceivedOn,
      ucpr1Received: forms.ucpr1 !== null,
      parts: forms.parts,
      emails: forms.emails,
    },
  });
  // The session's user already carries their primary site, read from the database for this request.
  const siteId = actor.siteId !== undefined ? actor.siteId : ((await db.user.findUnique({ where: { id: actor.id }, select: { siteId: true } }))?.siteId ?? null);
  const mayTransfer = mayOfferTransfer(
    { id: actor.id, roles: actor.roles, siteId },
    { assignedCaseworkerId: row.assignedCaseworkerId, restrictionTier: row.restrictionTier, fromSiteId: row.siteId },
  );
  return {
    view,
    forms,
    tasks,
    mayTransfer,
    mayChangeCircumstances: can(actor.roles, "update:case:any") && (row.restrictionTier !== "mappa" || actor.roles.includes("nominated_officer")),
    sl2: (parts.sl2 ?? true) && view.restrictionTier === "scr" && can(actor.roles, "read:restricted-case:any") ? sl2ViewOf(row) : null,
    sessro1,
    whatToDoNext,
    caseworkers:
      (parts.caseworkers ?? true) && can(actor.roles, "update:case:any") ? await listAssignableCaseworkers(db, actor, { restrictionTier: view.restrictionTier, siteId: row.siteId, assignedCaseworkerId: row.assignedCaseworkerId }) : [],
  };
}
